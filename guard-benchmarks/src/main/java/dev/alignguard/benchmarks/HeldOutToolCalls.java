package dev.alignguard.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.text.ScoredText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real tool calls for the fast-path benchmark: the benign tool calls of the held-out test split that come from
 * public sources (BFCL, tau-bench, nl2bash, tldr, runbooks, SpamAssassin ham; not the template families, not
 * the injected variants), kept when the scored fields add up to {@code min..max} tokens. Chosen by source,
 * label and length only, never by score, so the share the screening model clears is what it is. Read from
 * {@code training/data/corpus/test.jsonl} relative to the working directory (run.sh runs from the repo root).
 */
final class HeldOutToolCalls {
    static final Path TEST_SPLIT = Path.of("training", "data", "corpus", "test.jsonl");

    private static final ObjectMapper JSON = new ObjectMapper();

    private HeldOutToolCalls() {
    }

    /** The public benign tool calls of {@link #TEST_SPLIT} with {@code min..max} tokens, in file order. */
    static List<AgentAction.ToolCall> load(int min, int max) {
        List<AgentAction.ToolCall> out = new ArrayList<>();
        try (HuggingFaceTokenizer count = Fixtures.countingTokenizer();
             BufferedReader in = Files.newBufferedReader(TEST_SPLIT, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode r = JSON.readTree(line);
                if (!isPublicBenignToolCall(r)) {
                    continue;
                }
                AgentAction.ToolCall call = r.hasNonNull("rationale")
                        ? AgentAction.toolCall(r.get("tool").asText(), r.get("arguments").toString(),
                                r.get("rationale").asText())
                        : AgentAction.toolCall(r.get("tool").asText(), r.get("arguments").toString());
                int tokens = tokens(call, count);
                if (tokens >= min && tokens <= max) {
                    out.add(call);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEST_SPLIT.toAbsolutePath()
                    + " (run the benchmarks from the repository root)", e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no public benign tool calls of " + min + ".." + max + " tokens in "
                    + TEST_SPLIT.toAbsolutePath());
        }
        return out;
    }

    private static boolean isPublicBenignToolCall(JsonNode r) {
        String source = r.path("source").asText();
        return r.path("kind").asText().equals("tool_call") && r.path("label").asText().equals("none")
                && source.startsWith("public:") && !source.contains("+") && r.hasNonNull("tool")
                && r.hasNonNull("arguments");
    }

    /** Tokens of the scored fields, normalised, without special tokens (as {@link TextStats} counts them). */
    static int tokens(AgentAction action, HuggingFaceTokenizer count) {
        int t = 0;
        for (ScoredText.Field f : Fixtures.fields(action)) {
            t += count.encode(ScoredText.normalize(f.text())).getIds().length;
        }
        return t;
    }
}
