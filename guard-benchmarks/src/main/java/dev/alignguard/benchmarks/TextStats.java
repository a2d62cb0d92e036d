package dev.alignguard.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.text.ScoredText;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;

/**
 * Prints what the benchmark texts are: per size, tokens per action (the scored fields, normalised, without
 * special tokens), windows per action and classifier calls as recorded from {@code Guard.check}, and tokens
 * per window and per action as the model sees them (with [CLS]/[SEP], truncated at the model's length;
 * overlapping windows count twice). Run: {@code java -Dai.djl.offline=true -cp
 * guard-benchmarks/target/benchmarks.jar dev.alignguard.benchmarks.TextStats [--show]}.
 */
public final class TextStats {
    private TextStats() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        boolean show = args.length > 0 && args[0].equals("--show");
        try (HuggingFaceTokenizer count = Fixtures.countingTokenizer();
             HuggingFaceTokenizer model = Fixtures.tokenizer(128)) {
            System.out.println("size | tokens/action min-avg-max | windows/action | classifier calls/action | model tokens/window min-avg-max | model tokens/action avg");
            for (int size : Texts.SIZES) {
                report(String.valueOf(size), new ArrayList<AgentAction>(Texts.toolCalls(size)), count, model);
            }
            report("2k-output", new ArrayList<AgentAction>(Texts.longOutputs(4)), count, model);
            report("public-64", new ArrayList<AgentAction>(CascadeBenchmark.publicToolCalls()), count, model);
            if (show) {
                for (int size : Texts.SIZES) {
                    System.out.println("\n--- " + size + " (variant 0) ---");
                    for (ScoredText.Field f : Fixtures.fields(Texts.toolCall(size, 0))) {
                        System.out.println("[" + f.field() + "] " + f.text());
                    }
                }
            }
        }
    }

    private static void report(String name, List<AgentAction> actions, HuggingFaceTokenizer count,
                               HuggingFaceTokenizer model) {
        IntSummaryStatistics perAction = new IntSummaryStatistics();
        IntSummaryStatistics windows = new IntSummaryStatistics();
        IntSummaryStatistics calls = new IntSummaryStatistics();
        IntSummaryStatistics perWindow = new IntSummaryStatistics();
        IntSummaryStatistics modelTokens = new IntSummaryStatistics();
        for (AgentAction a : actions) {
            perAction.accept(HeldOutToolCalls.tokens(a, count));
            List<List<String>> c = Fixtures.classifierCalls(a);
            List<String> w = Fixtures.flatten(c);
            windows.accept(w.size());
            calls.accept(c.size());
            int sum = 0;
            for (String text : w) {
                int n = model.encode(text).getIds().length;
                perWindow.accept(n);
                sum += n;
            }
            modelTokens.accept(sum);
        }
        System.out.println(String.format(Locale.ROOT, "%s | %d-%.0f-%d | %.1f | %.1f | %d-%.0f-%d | %.0f", name,
                perAction.getMin(), perAction.getAverage(), perAction.getMax(), windows.getAverage(),
                calls.getAverage(), perWindow.getMin(), perWindow.getAverage(), perWindow.getMax(),
                modelTokens.getAverage()));
    }
}
