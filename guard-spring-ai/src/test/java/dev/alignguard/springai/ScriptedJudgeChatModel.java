package dev.alignguard.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** A judge chat model that answers with what its script says and keeps every prompt it was sent. */
final class ScriptedJudgeChatModel implements ChatModel {
    static final String APPROVE = "{\"decision\":\"approve\",\"category\":\"none\",\"reason\":\"A routine request.\"}";
    static final String DENY = "{\"decision\":\"deny\",\"category\":\"coercion\",\"reason\":\"It pressures the CTO.\"}";

    /** The answer to one prompt; may sleep or throw. */
    @FunctionalInterface
    interface Script {
        String answer(Prompt prompt) throws Exception;
    }

    private final Script script;
    final List<Prompt> prompts = new CopyOnWriteArrayList<>();

    ScriptedJudgeChatModel(Script script) {
        this.script = script;
    }

    static ScriptedJudgeChatModel answering(String text) {
        return new ScriptedJudgeChatModel(prompt -> text);
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        String text;
        try {
            text = script.answer(prompt);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))),
                ChatResponseMetadata.builder().model("judge-model").build());
    }

    @Override
    public ChatOptions getOptions() {
        return ChatOptions.builder().build();
    }
}
