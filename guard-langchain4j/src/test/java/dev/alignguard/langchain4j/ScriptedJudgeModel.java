package dev.alignguard.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A judge chat model that answers with what its script says and keeps every request it was sent. */
final class ScriptedJudgeModel implements ChatModel {
    static final String APPROVE = "{\"decision\":\"approve\",\"category\":\"none\",\"reason\":\"A routine request.\"}";
    static final String DENY = "{\"decision\":\"deny\",\"category\":\"coercion\",\"reason\":\"It pressures the CTO.\"}";

    /** The answer to one request; may sleep or throw. */
    @FunctionalInterface
    interface Script {
        String answer(ChatRequest request) throws Exception;
    }

    private final Script script;
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedJudgeModel(Script script) {
        this.script = script;
    }

    static ScriptedJudgeModel answering(String text) {
        return new ScriptedJudgeModel(request -> text);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        String text;
        try {
            text = script.answer(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).modelName("judge-model").build();
    }
}
