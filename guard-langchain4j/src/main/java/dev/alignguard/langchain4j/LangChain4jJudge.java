package dev.alignguard.langchain4j;

import dev.alignguard.core.judge.JudgeModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;

/**
 * Makes any LangChain4j {@link ChatModel}, typically the one the agent already uses, AlignGuard's judge for
 * REQUIRE_APPROVAL verdicts: {@code Guard.builder().judge(LangChain4jJudge.of(chatModel)).build()}, scoped by
 * the config's {@code judge.*} keys. The call runs on the checking thread; set its timeout on the model's own
 * builder (for example {@code OpenAiChatModel.builder().timeout(...)}), the judge also denies late answers.
 */
public final class LangChain4jJudge implements JudgeModel {
    private final ChatModel model;

    private LangChain4jJudge(ChatModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** A judge model that asks {@code model}, with the system prompt and quoted action as two messages. */
    public static LangChain4jJudge of(ChatModel model) {
        return new LangChain4jJudge(model);
    }

    @Override
    public Reply complete(Prompt prompt) {
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .maxOutputTokens(prompt.maxTokens()).build());
        AiMessage answer = response == null ? null : response.aiMessage();
        return new Reply(answer == null ? null : answer.text(), name(response));
    }

    /** The model that answered, else the configured model name, else the model's provider. */
    private String name(ChatResponse response) {
        if (response != null && response.modelName() != null) {
            return response.modelName();
        }
        String configured = model.defaultRequestParameters() == null ? null
                : model.defaultRequestParameters().modelName();
        return configured != null ? configured : String.valueOf(model.provider());
    }
}
