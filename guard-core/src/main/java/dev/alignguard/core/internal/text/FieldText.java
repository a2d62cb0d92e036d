package dev.alignguard.core.internal.text;

import dev.alignguard.core.ScoredField;
import java.util.List;

/**
 * One field of an action to score: its text and, for tool arguments, which JSON path each part of the
 * text came from, so that offsets into {@code text} can be turned back into offsets into an argument value.
 * A decoded view ({@code decodedFrom} set) maps every span to the encoded original it was decoded from.
 */
public record FieldText(ScoredField field, String text, List<Segment> segments, Span decodedFrom) {

    public FieldText {
        segments = List.copyOf(segments);
    }

    /** A field whose parts map back to original strings through {@code segments}. */
    public FieldText(ScoredField field, String text, List<Segment> segments) {
        this(field, text, segments, null);
    }

    /** A field whose text is its own original (plans, outputs, rationales, raw arguments). */
    public static FieldText whole(ScoredField field, String text) {
        return new FieldText(field, text, List.of(new Segment(null, 0, text.length())));
    }

    /** Decoded text (base64, percent, HTML entities) whose every span maps to the encoded span it came from. */
    public static FieldText decoded(ScoredField field, String text, Span encoded) {
        return new FieldText(field, text, List.of(), encoded);
    }

    /**
     * The part of {@code text} in {@code [start, end)} that is a copy of an original string: an argument value
     * at {@code path} (null when the field is its own original). Offset {@code start} is the value's offset 0.
     * {@code origin} names the field the string belongs to when it is not this one (the whole-action view
     * quotes the arguments and the rationale), else null.
     */
    public record Segment(String path, int start, int end, ScoredField origin) {
        /** A segment of this field's own text. */
        public Segment(String path, int start, int end) {
            this(path, start, end, null);
        }
    }

    /**
     * Maps a span of {@code text} to the original: the segment that overlaps it most, clipped to it, with
     * offsets relative to that segment. Null when the span covers no original characters (e.g. only keys).
     */
    public Span toOriginal(int start, int end) {
        if (decodedFrom != null) {
            return decodedFrom;
        }
        Segment best = null;
        int bestOverlap = 0;
        for (Segment s : segments) {
            int overlap = Math.min(end, s.end()) - Math.max(start, s.start());
            if (overlap > bestOverlap) {
                best = s;
                bestOverlap = overlap;
            }
        }
        if (best == null) {
            return null;
        }
        int from = Math.max(start, best.start()) - best.start();
        int to = Math.min(end, best.end()) - best.start();
        return new Span(best.path(), from, to, text.substring(best.start() + from, best.start() + to),
                best.origin());
    }

    /**
     * A span of an original string: the JSON path (or null), offsets into it, the spanned text, and the field it
     * belongs to when that is not the field it was found in (else null).
     */
    public record Span(String path, int start, int end, String text, ScoredField origin) {
        /** A span of the field it was found in. */
        public Span(String path, int start, int end, String text) {
            this(path, start, end, text, null);
        }
    }
}
