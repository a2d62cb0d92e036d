package dev.alignguard.core.corpus;

import java.util.List;

/**
 * What the corpus audit found in one document: its score (the highest window's probability; 0 for a document
 * with nothing to score), how many windows were scored and how many reached the threshold, and the top spans:
 * runs of overlapping windows at or over the threshold, highest first, as offsets into the original text.
 *
 * @param score       the highest window probability, 0 when {@code windows} is 0
 * @param windows     the windows scored
 * @param windowsOver the windows at or over the threshold
 * @param spans       at most the auditor's {@code topSpans} spans, highest score first
 */
public record DocumentAudit(double score, int windows, int windowsOver, List<Span> spans) {

    /** @throws IllegalArgumentException when the counts are inconsistent */
    public DocumentAudit {
        if (windows < 0 || windowsOver < 0 || windowsOver > windows) {
            throw new IllegalArgumentException("windows " + windows + ", windows over " + windowsOver);
        }
        spans = List.copyOf(spans);
    }

    /** The share of windows at or over the threshold (0 for a document without windows). */
    public double shareOver() {
        return windows == 0 ? 0 : (double) windowsOver / windows;
    }

    /**
     * A passage at or over the threshold: {@code [start, end)} in the original text (UTF-16 offsets), its
     * highest window probability, and a snippet of it (the first {@link CorpusAuditor#SNIPPET_CHARS} characters,
     * {@code ...} when cut).
     */
    public record Span(int start, int end, double score, String snippet) {
        /** @throws IllegalArgumentException when the offsets are out of order */
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("span [" + start + ", " + end + ")");
            }
        }
    }
}
