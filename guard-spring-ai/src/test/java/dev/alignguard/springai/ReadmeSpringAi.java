package dev.alignguard.springai;

// README spring-ai imports: begin
import dev.alignguard.springai.AlignGuardOutputAdvisor;
import dev.alignguard.springai.AlignGuardToolCallbackResolver;
import dev.alignguard.springai.AlignGuardToolCallingManager;
import java.util.List;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.resolution.StaticToolCallbackResolver;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import reactor.core.publisher.Flux;
// README spring-ai imports: end

import dev.alignguard.core.Guard;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The README's Spring AI snippet without Boot, compiled here and run by {@link ReadmeSpringAiTest};
 * examples' {@code ReadmeSnippetsTest} checks that the README shows exactly the marked lines.
 */
final class ReadmeSpringAi {
    /** What the snippet's two requests returned. */
    record Answers(String called, Flux<String> streamed) {
    }

    private ReadmeSpringAi() {
    }

    static Answers ask(Guard guard, ChatModel chatModel, String task) {
        // README spring-ai body: begin
        ToolCallbackResolver byName = new AlignGuardToolCallbackResolver(guard,     // tools the model may call by name
                new StaticToolCallbackResolver(List.of(ToolCallbacks.from(new MailTools()))));
        ToolCallingManager tools = ToolCallingManager.builder()
                .toolCallbackResolver(byName).resolutionFallbackEnabled(true).build();
        ChatClient client = ChatClient.builder(chatModel)
                .defaultAdvisors(AlignGuardToolCallingManager.advisor(guard, tools), new AlignGuardOutputAdvisor(guard))
                .build();
        String answer = client.prompt(task).tools(new MailTools()).call().content(); // tools guarded, answer checked
        Flux<String> chunks = client.prompt(task).stream().content();  // chunks released once the whole answer passed
        // or per tool: GuardedToolCallback.from(guard, new MailTools()) / new GuardedToolCallback(guard, callback)
        // README spring-ai body: end
        return new Answers(answer, chunks);
    }
}
