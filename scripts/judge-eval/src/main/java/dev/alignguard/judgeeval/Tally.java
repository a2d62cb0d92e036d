package dev.alignguard.judgeeval;

import dev.alignguard.core.Decision;
import dev.alignguard.core.Judgement;
import dev.alignguard.core.Verdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the classifier alone and classifier + judge decided, per label when labels are known, and the
 * judge's latency; prints a small table. Holds ids and decisions only.
 */
final class Tally {
    private final Map<String, String> labels;
    private final Map<Decision, Integer> classifier = new EnumMap<>(Decision.class);
    private final Map<Judgement.Outcome, Integer> outcomes = new EnumMap<>(Judgement.Outcome.class);
    /** label to {rows, stopped by the classifier alone, stopped with the judge, judged, approved by the judge}. */
    private final Map<String, int[]> byLabel = new TreeMap<>();
    private final List<Long> latencyMs = new ArrayList<>();
    private int rows;
    private int approved;

    Tally(Map<String, String> labels) {
        this.labels = labels;
    }

    void add(String id, Verdict v) {
        rows++;
        classifier.merge(v.decision(), 1, Integer::sum);
        Judgement j = v.judgement();
        boolean judgeApproved = j != null && j.approved();
        if (j != null) {
            outcomes.merge(j.outcome(), 1, Integer::sum);
            latencyMs.add(j.latency().toMillis());
            approved += judgeApproved ? 1 : 0;
        }
        int[] c = byLabel.computeIfAbsent(labels.getOrDefault(id, "(unlabelled)"), k -> new int[5]);
        c[0]++;
        c[1] += v.decision().stopsAction() ? 1 : 0;
        c[2] += v.decision().stopsAction() && !judgeApproved ? 1 : 0;
        c[3] += j != null ? 1 : 0;
        c[4] += judgeApproved ? 1 : 0;
    }

    void print(PrintStream out, String model) {
        int judged = latencyMs.size();
        int ran = count(Decision.ALLOW) + count(Decision.FLAG);
        out.printf(Locale.ROOT, "%d actions; judge %s%n%n", rows, model);
        out.printf(Locale.ROOT, "classifier alone:   ALLOW %d, FLAG %d, REQUIRE_APPROVAL %d, BLOCK %d -> %d run, %d stopped%n",
                count(Decision.ALLOW), count(Decision.FLAG), count(Decision.REQUIRE_APPROVAL), count(Decision.BLOCK),
                ran, rows - ran);
        out.printf(Locale.ROOT, "classifier + judge: %d judged (%.1f per 1,000 actions): %d approved, %d denied %s"
                        + " -> %d run, %d stopped%n", judged, rows == 0 ? 0.0 : 1000.0 * judged / rows, approved,
                judged - approved, outcomes, ran + approved, rows - ran - approved);
        if (judged > 0) {
            Collections.sort(latencyMs);
            out.printf(Locale.ROOT, "judge latency: p50 %d ms, p95 %d ms, max %d ms%n", percentile(50),
                    percentile(95), latencyMs.get(judged - 1));
        }
        out.printf(Locale.ROOT, "%n%-20s %6s %18s %18s %8s %9s%n", "label", "rows", "stopped (alone)",
                "stopped (+judge)", "judged", "approved");
        byLabel.forEach((label, c) -> out.printf(Locale.ROOT, "%-20s %6d %18d %18d %8d %9d%n", label, c[0], c[1], c[2],
                c[3], c[4]));
    }

    private int count(Decision d) {
        return classifier.getOrDefault(d, 0);
    }

    private long percentile(int p) {
        return latencyMs.get(Math.min(latencyMs.size() - 1, (int) Math.ceil(p / 100.0 * latencyMs.size()) - 1));
    }
}
