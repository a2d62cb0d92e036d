package dev.alignguard.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.text.FieldText;
import dev.alignguard.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;

/**
 * Prints what the benchmark texts are: per size, tokens per action (the scored fields, normalised, without
 * special tokens), windows per action, classifier calls and tokens per window as the model sees them (with
 * [CLS]/[SEP], truncated at the model's length). Run: {@code java -Dai.djl.offline=true -cp
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
            System.out.println("size | tokens/action min-avg-max | windows/action | calls/action | model tokens/window min-avg-max");
            for (int size : Texts.SIZES) {
                report(String.valueOf(size), new ArrayList<AgentAction>(Texts.toolCalls(size)), count, model);
            }
            report("2k-output", new ArrayList<AgentAction>(Texts.longOutputs(4)), count, model);
            if (show) {
                for (int size : Texts.SIZES) {
                    System.out.println("\n--- " + size + " (variant 0) ---");
                    for (FieldText f : Fixtures.fields(Texts.toolCall(size, 0))) {
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
        for (AgentAction a : actions) {
            int t = 0;
            for (FieldText f : Fixtures.fields(a)) {
                t += count.encode(TextNormalizer.normalize(f.text()).text()).getIds().length;
            }
            perAction.accept(t);
            List<String> w = Fixtures.windows(a);
            windows.accept(w.size());
            calls.accept(Fixtures.batches(w).size());
            for (String text : w) {
                perWindow.accept(model.encode(text).getIds().length);
            }
        }
        System.out.println(String.format(Locale.ROOT, "%s | %d-%.0f-%d | %.1f | %.1f | %d-%.0f-%d", name,
                perAction.getMin(), perAction.getAverage(), perAction.getMax(), windows.getAverage(),
                calls.getAverage(), perWindow.getMin(), perWindow.getAverage(), perWindow.getMax()));
    }
}
