package dev.alignguard.examples;

// README judge imports: begin
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.langchain4j.AlignGuardTools;
import dev.alignguard.langchain4j.LangChain4jJudge;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.nio.file.Path;
import java.time.Duration;
// README judge imports: end

/** The README's LLM-judge snippet, compiled by the build and checked against the README by {@link ReadmeSnippetsTest}. */
final class ReadmeJudge {
    private ReadmeJudge() {
    }

    static Agent judgedAgent(String key) {
        // README judge body: begin
        ChatModel chatModel = OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o-mini")
                .timeout(Duration.ofSeconds(10)).maxRetries(0).build();      // the judge's timeout is the client's
        Guard guard = Guard.builder()
                .config(GuardConfig.load(Path.of("policy.yaml")))              // optional: judge.* keys scope it
                .judge(LangChain4jJudge.of(chatModel))                          // the one line
                .build();
        Agent agent = AlignGuardTools.of(guard)
                .install(AiServices.builder(Agent.class).chatModel(chatModel), new MailTools()).build();
        // README judge body: end
        return agent;
    }
}
