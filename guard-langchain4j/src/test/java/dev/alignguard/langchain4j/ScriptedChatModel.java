package dev.alignguard.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/** A chat model that replays fixed replies in order and records the tool results it was shown. */
final class ScriptedChatModel implements ChatModel {
    private final List<AiMessage> replies;
    private int next;
    final List<String> toolResultsSeen = new ArrayList<>();

    ScriptedChatModel(AiMessage... replies) {
        this.replies = List.of(replies);
    }

    static AiMessage call(String text, String tool, String argumentsJson) {
        ToolExecutionRequest req = ToolExecutionRequest.builder().id(tool + "-" + argumentsJson.hashCode())
                .name(tool).arguments(argumentsJson).build();
        return text == null ? AiMessage.from(req) : AiMessage.from(text, List.of(req));
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof ToolExecutionResultMessage r) {
            toolResultsSeen.add(r.text());
        }
        return ChatResponse.builder().aiMessage(replies.get(next++)).build();
    }
}
