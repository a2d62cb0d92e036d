package dev.alignguard.judgeeval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Verdict;
import dev.alignguard.langchain4j.LangChain4jJudge;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a JSONL file of agent actions (by default dev-eval's inputs) through the bundled classifier and, for the
 * REQUIRE_APPROVAL verdicts the judge covers, a judge model at an OpenAI-compatible endpoint, then prints what the
 * classifier alone and classifier + judge decide. Prints counts only, never the actions' text. Not run in CI.
 */
public final class JudgeEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JudgeEval() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = options(args);
        if (!opt.containsKey("base-url") || !opt.containsKey("model")) {
            System.err.println("usage: JUDGE_API_KEY=... scripts/judge-eval.sh --base-url URL --model NAME "
                    + "[--input FILE] [--labels FILE,FILE] [--config policy.yaml]");
            System.exit(2);
        }
        GuardConfig config = opt.containsKey("config") ? GuardConfig.load(Path.of(opt.get("config")))
                : GuardConfig.defaults();
        OpenAiChatModel judge = OpenAiChatModel.builder().baseUrl(opt.get("base-url")).modelName(opt.get("model"))
                .apiKey(System.getenv().getOrDefault("JUDGE_API_KEY", "none"))
                .timeout(config.judge().timeout()).maxRetries(0).build(); // the client's timeout is the judge's
        Tally tally = new Tally(labels(opt.getOrDefault("labels", "")));
        try (Guard guard = Guard.builder().config(config).auditSink(event -> { })
                .judge(LangChain4jJudge.of(judge)).build();
             BufferedReader in = Files.newBufferedReader(Path.of(opt.getOrDefault("input",
                     "../shared/dev-eval/inputs.jsonl")), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    JsonNode row = JSON.readTree(line);
                    tally.add(row.path("id").asText(), enforce(guard, action(row)));
                }
            }
        }
        tally.print(System.out, opt.get("model"));
    }

    private static Verdict enforce(Guard guard, AgentAction action) {
        try {
            return guard.enforce(action, GuardContext.empty());
        } catch (ActionBlockedException stopped) {
            return stopped.verdict();
        }
    }

    /** A dev-eval row as the action a host would check. */
    static AgentAction action(JsonNode row) {
        String kind = row.path("kind").asText();
        return switch (kind) {
            case "tool_call" -> AgentAction.toolCall(row.path("tool").asText(), row.get("arguments").isTextual()
                    ? row.get("arguments").asText() : row.get("arguments").toString(),
                    row.hasNonNull("rationale") ? row.get("rationale").asText() : null);
            case "plan" -> AgentAction.plan(row.path("text").asText());
            case "output" -> AgentAction.output(row.path("text").asText());
            case "message" -> AgentAction.message(row.path("text").asText());
            default -> throw new IllegalArgumentException("row " + row.path("id").asText() + ": unknown kind " + kind);
        };
    }

    /** Row id to label, from labelled JSONL files (empty when none are named). */
    private static Map<String, String> labels(String files) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String file : files.split(",")) {
            if (!file.isBlank()) {
                for (String line : Files.readAllLines(Path.of(file.trim()), StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        JsonNode row = JSON.readTree(line);
                        out.put(row.path("id").asText(), row.path("label").asText());
                    }
                }
            }
        }
        return out;
    }

    /** {@code --name value} pairs. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }
}
