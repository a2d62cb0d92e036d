package dev.alignguard.springai;

import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import reactor.core.publisher.Flux;

/**
 * A chat model that replays fixed replies in order and records the tool results it was shown. Streamed, a text
 * reply arrives word by word (each chunk a word and the space after it), a tool call as one chunk.
 */
final class StubChatModel implements ChatModel {
    private final List<AssistantMessage> replies;
    private int next;
    final List<String> toolResultsSeen = new ArrayList<>();

    StubChatModel(AssistantMessage... replies) {
        this.replies = List.of(replies);
    }

    static AssistantMessage call(String text, String tool, String args) {
        return AssistantMessage.builder().content(text)
                .toolCalls(List.of(new AssistantMessage.ToolCall(tool + next(), "function", tool, args))).build();
    }

    static AssistantMessage answer(String text) {
        return new AssistantMessage(text);
    }

    private static int counter;

    private static synchronized int next() {
        return ++counter;
    }

    @Override
    public synchronized ChatResponse call(Prompt prompt) {
        List<Message> messages = prompt.getInstructions();
        if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof ToolResponseMessage r) {
            r.getResponses().forEach(t -> toolResultsSeen.add(t.responseData()));
        }
        return new ChatResponse(List.of(new Generation(replies.get(next++))));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        AssistantMessage reply = call(prompt).getResult().getOutput();
        if (reply.hasToolCalls() || reply.getText() == null) {
            return Flux.just(new ChatResponse(List.of(new Generation(reply))));
        }
        return Flux.fromIterable(words(reply.getText()))
                .map(word -> new ChatResponse(List.of(new Generation(new AssistantMessage(word)))));
    }

    /** The text cut after each space: "Sent the notes." is "Sent ", "the ", "notes.". */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', start)) {
            out.add(text.substring(start, space + 1));
            start = space + 1;
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    @Override
    public ChatOptions getOptions() {
        return ToolCallingChatOptions.builder().build();
    }
}
