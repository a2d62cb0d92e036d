package dev.alignguard.examples;

// README quick-start imports: begin
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.GuardedTool;
import dev.alignguard.core.Tool;
import dev.alignguard.core.Verdict;
import java.nio.file.Path;
import java.util.function.Function;
// README quick-start imports: end

/**
 * The README's Quick start, compiled by the build: {@link ReadmeSnippetsTest} checks that the README shows
 * exactly the marked lines, so the snippet cannot drift from code that compiles.
 */
final class QuickStart {
    interface Mailer {
        String send(String argsJson) throws Exception;
    }

    interface Searcher {
        String search(String argsJson);
    }

    private QuickStart() {
    }

    static String sendMail(Mailer mailer, Searcher searcher, String argsJson, String rationale, String sessionId)
            throws Exception {
        // README quick-start body: begin
        Guard guard = Guard.create(Path.of("alignguard.yaml"));         // or Guard.create(): bundled model, defaults
        Verdict v = guard.check(AgentAction.toolCall("send_email", argsJson, rationale));
        if (!v.allowed()) return "refused: " + v.summary();              // BLOCK or REQUIRE_APPROVAL: do not run

        GuardedTool<String> send = guard.wrap(Tool.of("send_email", mailer::send));
        send.call(argsJson, rationale, GuardContext.of("agent-7", sessionId)); // throws ActionBlockedException if stopped
        Function<String, String> search = guard.wrap("web_search", searcher::search); // any Function<String, R>
        // README quick-start body: end
        return search.apply("{\"q\": \"status\"}");
    }
}
