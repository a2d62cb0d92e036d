package dev.alignguard.cli;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.text.ScoredText;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the original string an evidence span points into ({@link ScoredText#quoted}: the text, the rationale, or
 * the argument value at its JSON path) and cuts a bounded piece of it: up to {@link #CONTEXT_CHARS} before and after the span, and
 * at most {@link #MAX_SPAN_CHARS} of the span itself: more than one scoring window (560 characters), so only a
 * span mapped back to a long encoded original (a base64 run, say) is ever cut. Cuts never split a surrogate pair.
 */
final class EvidenceContext {
    static final int CONTEXT_CHARS = 150;
    static final int MAX_SPAN_CHARS = 600;
    static final String CUT = "\u2026";

    private EvidenceContext() {
    }

    /** One highlight per evidence span of a verdict for {@code action}. */
    static List<ReportItem.Highlight> of(AgentAction action, List<Evidence> evidence) {
        List<ReportItem.Highlight> out = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            out.add(cut(e, ScoredText.quoted(action, e)));
        }
        return out;
    }

    /** The span of {@code original} in context; without an original (or with offsets outside it), the snippet. */
    static ReportItem.Highlight cut(Evidence e, String original) {
        if (original == null || e.start() < 0 || e.start() > e.end() || e.end() > original.length()) {
            return highlight(e, "", shorten(e.snippet() == null ? "" : e.snippet()), "");
        }
        Cut c = cut(original, e.start(), e.end());
        return highlight(e, c.before(), c.span(), c.after());
    }

    /** {@code original[start, end)} (shortened) with up to {@link #CONTEXT_CHARS} before and after it. */
    static Cut cut(String original, int start, int end) {
        int from = safe(original, Math.max(0, start - CONTEXT_CHARS));
        int to = safe(original, Math.min(original.length(), end + CONTEXT_CHARS));
        String before = (from > 0 ? CUT : "") + original.substring(from, start);
        String after = original.substring(end, to) + (to < original.length() ? CUT : "");
        return new Cut(before, shorten(original.substring(start, end)), after);
    }

    /** A span to mark and the bounded text before and after it ({@code …} marks a cut). */
    record Cut(String before, String span, String after) implements Serializable {
    }

    private static ReportItem.Highlight highlight(Evidence e, String before, String span, String after) {
        return new ReportItem.Highlight(e.category(), e.score(), e.field(), e.path(), e.start(), e.end(),
                before, span, after);
    }

    /** A span longer than the limit keeps its start and end with a cut mark between. */
    static String shorten(String span) {
        if (span.length() <= MAX_SPAN_CHARS) {
            return span;
        }
        int head = safe(span, MAX_SPAN_CHARS * 2 / 3);
        int tail = safe(span, span.length() - MAX_SPAN_CHARS / 3);
        return span.substring(0, head) + CUT + span.substring(tail);
    }

    /** {@code i}, moved back by one when it would fall between the halves of a surrogate pair. */
    private static int safe(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i))
                && Character.isHighSurrogate(s.charAt(i - 1)) ? i - 1 : i;
    }
}
