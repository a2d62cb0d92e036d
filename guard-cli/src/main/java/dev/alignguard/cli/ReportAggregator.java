package dev.alignguard.cli;

import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * Streaming statistics of a scan, in memory bounded independently of the number of lines: counts per
 * decision, unreadable lines, a score histogram per category, counts per tool (the first {@link #MAX_SOURCES}
 * tool names or text kinds, the rest pooled), the first {@link #MAX_ERRORS} unreadable lines, and the
 * {@code top} most important flagged lines in a bounded priority queue. Verdicts are not kept. Not thread-safe:
 * feed it from one thread.
 */
final class ReportAggregator {
    static final int BINS = 20;
    static final int MAX_SOURCES = 200;
    static final int MAX_ERRORS = 20;
    static final int MAX_LABEL_CHARS = 120;
    private static final int DECISIONS = Decision.values().length;

    private final int top;
    private final PriorityQueue<ReportItem> kept;
    private final long[] decisions = new long[DECISIONS];
    private final long[][] histogram = new long[Category.values().length][BINS];
    private final Map<String, long[]> sources = new LinkedHashMap<>();
    private final long[] otherSources = new long[DECISIONS];
    private final List<ErrorLine> firstErrors = new ArrayList<>();
    private long lines;
    private long errors;
    private long failMode;

    /** An unreadable line. */
    record ErrorLine(long line, String id, String message) {
    }

    /** Keeps at most {@code top} flagged lines (0: none). */
    ReportAggregator(int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must not be negative, got " + top);
        }
        this.top = top;
        this.kept = new PriorityQueue<>(Math.max(1, Math.min(top, 1024)) + 1, ReportItem.IMPORTANCE);
    }

    /**
     * Counts a verdict. {@code source} is the tool name or the text kind; {@code evidence} is only called when
     * the line is kept among the top items.
     */
    void add(long line, String id, String source, Verdict v, Supplier<List<ReportItem.Highlight>> evidence) {
        lines++;
        decisions[v.decision().ordinal()]++;
        if (v.cause() != Cause.POLICY) {
            failMode++;
        }
        v.scores().forEach((c, s) -> histogram[c.ordinal()][bin(s)]++);
        String key = label(source);
        long[] counts = sources.get(key);
        if (counts == null && sources.size() < MAX_SOURCES) {
            counts = new long[DECISIONS];
            sources.put(key, counts);
        }
        (counts == null ? otherSources : counts)[v.decision().ordinal()]++;
        if (v.decision() != Decision.ALLOW && top > 0) {
            ReportItem candidate = new ReportItem(line, label(id), key, v.decision(), v.cause(), v.scores(), List.of(),
                    "");
            if (kept.size() < top || ReportItem.IMPORTANCE.compare(candidate, kept.peek()) > 0) {
                kept.add(candidate.withDetails(evidence.get(), label(String.join("; ", v.warnings()))));
                if (kept.size() > top) {
                    kept.poll();
                }
            }
        }
    }

    /** Counts an unreadable line. */
    void error(long line, String id, String message) {
        lines++;
        errors++;
        if (firstErrors.size() < MAX_ERRORS) {
            firstErrors.add(new ErrorLine(line, label(id), label(message)));
        }
    }

    static int bin(double score) {
        if (!(score > 0)) {
            return 0;
        }
        return Math.min(BINS - 1, (int) (score * BINS));
    }

    /** At most {@link #MAX_LABEL_CHARS} characters (null stays null). */
    private static String label(String s) {
        if (s == null || s.length() <= MAX_LABEL_CHARS) {
            return s;
        }
        int end = MAX_LABEL_CHARS - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + EvidenceContext.CUT;
    }

    long lines() {
        return lines;
    }

    /** Unreadable lines. */
    long errors() {
        return errors;
    }

    long count(Decision d) {
        return decisions[d.ordinal()];
    }

    /** Verdicts decided by the fail mode (cause ERROR or TIMEOUT). */
    long failModeDecisions() {
        return failMode;
    }

    /** True when some line got {@code atLeast} or a stricter decision. */
    boolean any(Decision atLeast) {
        for (int i = atLeast.ordinal(); i < DECISIONS; i++) {
            if (decisions[i] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Scored verdicts per score bin of width 1/{@link #BINS} for {@code c}. */
    long[] histogram(Category c) {
        return histogram[c.ordinal()].clone();
    }

    /** Counts per decision (indexed by ordinal) per tool name or text kind, in order of first appearance. */
    Map<String, long[]> sources() {
        return Collections.unmodifiableMap(sources);
    }

    /** Counts per decision of the tools beyond the first {@link #MAX_SOURCES}. */
    long[] otherSources() {
        return otherSources.clone();
    }

    /** The kept flagged lines, most important first. */
    List<ReportItem> top() {
        List<ReportItem> out = new ArrayList<>(kept);
        out.sort(ReportItem.IMPORTANCE.reversed());
        return out;
    }

    List<ErrorLine> firstErrors() {
        return Collections.unmodifiableList(firstErrors);
    }

    /** One line for stderr: lines, rate, counts per decision, unreadable lines, fail-mode decisions. */
    String describe(double seconds) {
        Map<Decision, Long> seen = new EnumMap<>(Decision.class);
        for (Decision d : Decision.values()) {
            if (decisions[d.ordinal()] > 0) {
                seen.put(d, decisions[d.ordinal()]);
            }
        }
        return String.format(Locale.ROOT, "scanned %d lines in %.1f s (%.1f lines/s): %s, %d unreadable, "
                + "%d decided by fail mode", lines, seconds, lines / Math.max(seconds, 1e-9), seen, errors, failMode);
    }
}
