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

/** A chat model that replays fixed replies in order and records the tool results it was shown. */
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
    public ChatOptions getOptions() {
        return ToolCallingChatOptions.builder().build();
    }
}
