package dev.alignguard.springai;

import dev.alignguard.core.judge.JudgeModel;
import java.util.Objects;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Makes a Spring AI {@link ChatClient} AlignGuard's judge for REQUIRE_APPROVAL verdicts:
 * {@code Guard.builder().judge(SpringAiJudge.of(ChatClient.create(chatModel))).build()}, or with Boot just
 * {@code alignguard.judge.enabled=true}. Give it a client without AlignGuard's advisors. The call runs on the
 * checking thread; its timeout is the read timeout of the HTTP client the model uses, and the judge also denies
 * late answers.
 */
public final class SpringAiJudge implements JudgeModel {
    private final ChatClient client;

    private SpringAiJudge(ChatClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A judge model that asks {@code client}, with the system prompt and quoted action as two messages. */
    public static SpringAiJudge of(ChatClient client) {
        return new SpringAiJudge(client);
    }

    @Override
    public Reply complete(Prompt prompt) {
        ChatResponse response = client.prompt()
                .messages(new SystemMessage(prompt.system()), new UserMessage(prompt.user()))
                .options(ChatOptions.builder().maxTokens(prompt.maxTokens()))
                .call().chatResponse();
        Generation result = response == null ? null : response.getResult();
        AssistantMessage answer = result == null ? null : result.getOutput();
        String model = response == null || response.getMetadata() == null ? "" : response.getMetadata().getModel();
        return new Reply(answer == null ? null : answer.getText(), model);
    }
}
