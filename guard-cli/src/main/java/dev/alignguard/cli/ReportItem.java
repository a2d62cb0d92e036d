package dev.alignguard.cli;

import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.ScoredField;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One flagged trace line as the HTML report shows it: where it is, what it was (tool name or text kind), the
 * verdict, each evidence span with a bounded piece of the text around it, and the guard's own notes on the
 * verdict (shown when no span explains the decision, e.g. an input over max-input-chars).
 */
public record ReportItem(long line, String id, String source, Decision decision, Cause cause,
                         Map<Category, Double> scores, List<Highlight> evidence, String note) implements Serializable {

    /** Least important first: lower highest score, then milder decision, then later line. */
    static final Comparator<ReportItem> IMPORTANCE = (Comparator<ReportItem> & Serializable) (a, b) -> {
        int c = Double.compare(a.maxScore(), b.maxScore());
        if (c == 0) {
            c = a.decision().compareTo(b.decision());
        }
        return c != 0 ? c : Long.compare(b.line(), a.line());
    };

    public ReportItem {
        scores = Map.copyOf(scores);
        evidence = List.copyOf(evidence);
    }

    /** The highest score over all categories (0 when nothing was scored). */
    public double maxScore() {
        double max = 0;
        for (double s : scores.values()) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** The same item with its evidence spans and the guard's note, built only for the items the report keeps. */
    ReportItem withDetails(List<Highlight> highlights, String guardNote) {
        return new ReportItem(line, id, source, decision, cause, scores, highlights, guardNote);
    }

    /**
     * An evidence span in context: {@code span} is the evidence itself (to be marked), {@code before} and
     * {@code after} the text around it, each already cut to a bounded length ({@code …} marks a cut).
     */
    public record Highlight(Category category, double score, ScoredField field, String path, int start, int end,
                            String before, String span, String after) implements Serializable {

        /** A span known only by its snippet (a verdict read back from a scan's output): no text around it. */
        public static Highlight ofSnippet(Category category, double score, ScoredField field, String path, int start,
                                          int end, String snippet) {
            return new Highlight(category, score, field, path, start, end, "",
                    EvidenceContext.shorten(snippet == null ? "" : snippet), "");
        }
    }
}
