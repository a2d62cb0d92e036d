package dev.alignguard.cli;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * feed it from one thread. Public and serializable so that a distributed scan (guard-spark) can aggregate each
 * partition and {@link #merge} the parts into the report the CLI would write.
 */
public final class ReportAggregator implements Serializable {
    private static final long serialVersionUID = 1L;
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
    public record ErrorLine(long line, String id, String message) implements Serializable {
    }

    /** Keeps at most {@code top} flagged lines (0: none). */
    public ReportAggregator(int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must not be negative, got " + top);
        }
        this.top = top;
        this.kept = new PriorityQueue<>(Math.max(1, Math.min(top, 1024)) + 1, ReportItem.IMPORTANCE);
    }

    /** What the report groups an action by (its {@code source}): the tool name, or the text kind in parentheses. */
    public static String source(AgentAction action) {
        return action instanceof AgentAction.ToolCall call ? call.tool() : "(" + action.kind() + ")";
    }

    /**
     * Counts a verdict. {@code source} is the tool name or the text kind; {@code evidence} is only called when
     * the line is kept among the top items.
     */
    void add(long line, String id, String source, Verdict v, Supplier<List<ReportItem.Highlight>> evidence) {
        add(line, id, source, v.decision(), v.cause(), v.scores(), v.warnings(), evidence);
    }

    /**
     * Counts a verdict given by its parts (a verdict read back from a scan's output). {@code evidence} is only
     * called when the line is kept among the top items.
     */
    public void add(long line, String id, String source, Decision decision, Cause cause, Map<Category, Double> scores,
                    List<String> warnings, Supplier<List<ReportItem.Highlight>> evidence) {
        lines++;
        decisions[decision.ordinal()]++;
        if (cause != Cause.POLICY) {
            failMode++;
        }
        scores.forEach((c, s) -> histogram[c.ordinal()][bin(s)]++);
        String key = label(source);
        long[] counts = sources.get(key);
        if (counts == null && sources.size() < MAX_SOURCES) {
            counts = new long[DECISIONS];
            sources.put(key, counts);
        }
        (counts == null ? otherSources : counts)[decision.ordinal()]++;
        if (decision != Decision.ALLOW && top > 0) {
            ReportItem candidate = new ReportItem(line, label(id), key, decision, cause, scores, List.of(), "");
            if (kept.size() < top || ReportItem.IMPORTANCE.compare(candidate, kept.peek()) > 0) {
                keep(candidate.withDetails(evidence.get(), label(String.join("; ", warnings))));
            }
        }
    }

    private void keep(ReportItem item) {
        kept.add(item);
        if (kept.size() > top) {
            kept.poll();
        }
    }

    /**
     * Adds the counts of {@code other}, a scan of other lines with the same {@code top}: the sum of both scans,
     * whatever the order of merging, except which tools are pooled once more than {@link #MAX_SOURCES} appear.
     */
    public void merge(ReportAggregator other) {
        lines += other.lines;
        errors += other.errors;
        failMode += other.failMode;
        for (int d = 0; d < DECISIONS; d++) {
            decisions[d] += other.decisions[d];
            otherSources[d] += other.otherSources[d];
        }
        for (int c = 0; c < histogram.length; c++) {
            for (int b = 0; b < BINS; b++) {
                histogram[c][b] += other.histogram[c][b];
            }
        }
        other.sources.forEach((key, counts) -> {
            long[] mine = sources.get(key);
            if (mine == null && sources.size() < MAX_SOURCES) {
                mine = new long[DECISIONS];
                sources.put(key, mine);
            }
            long[] into = mine == null ? otherSources : mine;
            for (int d = 0; d < DECISIONS; d++) {
                into[d] += counts[d];
            }
        });
        other.kept.forEach(this::keep);
        firstErrors.addAll(other.firstErrors);
        firstErrors.sort(Comparator.comparingLong(ErrorLine::line));
        if (firstErrors.size() > MAX_ERRORS) {
            firstErrors.subList(MAX_ERRORS, firstErrors.size()).clear();
        }
    }

    /** Counts an unreadable line. */
    public void error(long line, String id, String message) {
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
    static String label(String s) {
        if (s == null || s.length() <= MAX_LABEL_CHARS) {
            return s;
        }
        int end = MAX_LABEL_CHARS - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + EvidenceContext.CUT;
    }

    public long lines() {
        return lines;
    }

    /** Unreadable lines. */
    public long errors() {
        return errors;
    }

    public long count(Decision d) {
        return decisions[d.ordinal()];
    }

    /** Verdicts decided by the fail mode (cause ERROR or TIMEOUT). */
    public long failModeDecisions() {
        return failMode;
    }

    /** True when some line got {@code atLeast} or a stricter decision. */
    public boolean any(Decision atLeast) {
        for (int i = atLeast.ordinal(); i < DECISIONS; i++) {
            if (decisions[i] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Scored verdicts per score bin of width 1/{@link #BINS} for {@code c}. */
    public long[] histogram(Category c) {
        return histogram[c.ordinal()].clone();
    }

    /** Counts per decision (indexed by ordinal) per tool name or text kind, in order of first appearance. */
    public Map<String, long[]> sources() {
        return Collections.unmodifiableMap(sources);
    }

    /** Counts per decision of the tools beyond the first {@link #MAX_SOURCES}. */
    public long[] otherSources() {
        return otherSources.clone();
    }

    /** The kept flagged lines, most important first. */
    public List<ReportItem> top() {
        List<ReportItem> out = new ArrayList<>(kept);
        out.sort(ReportItem.IMPORTANCE.reversed());
        return out;
    }

    public List<ErrorLine> firstErrors() {
        return Collections.unmodifiableList(firstErrors);
    }

    /** One line for stderr: lines, rate, counts per decision, unreadable lines, fail-mode decisions. */
    public String describe(double seconds) {
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
