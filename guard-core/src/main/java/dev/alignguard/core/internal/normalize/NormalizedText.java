package dev.alignguard.core.internal.normalize;

import java.util.BitSet;

/**
 * Text after {@link TextNormalizer}, with, for every character, the span of the original string it came
 * from, so that evidence found in the normalised text is reported at its place in the original.
 */
public final class NormalizedText {
    private final String text;
    private final int[] sourceStart;
    private final int[] sourceEnd;
    private final BitSet lineBreaks;
    private final int replacedSurrogates;

    NormalizedText(String text, int[] sourceStart, int[] sourceEnd, BitSet lineBreaks, int replacedSurrogates) {
        this.text = text;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
        this.lineBreaks = lineBreaks;
        this.replacedSurrogates = replacedSurrogates;
    }

    /** The normalised text. */
    public String text() {
        return text;
    }

    /** Whether the space at {@code index} stands for whitespace that broke a line in the original. */
    public boolean lineBreakAt(int index) {
        return lineBreaks.get(index);
    }

    /** How many unpaired UTF-16 surrogates were replaced by U+FFFD. */
    public int replacedSurrogates() {
        return replacedSurrogates;
    }

    /** Start offset in the original of the normalised span {@code [start, end)}. */
    public int originalStart(int start) {
        return sourceStart[start];
    }

    /** End offset (exclusive) in the original of the normalised span ending before {@code end}. */
    public int originalEnd(int end) {
        return sourceEnd[end - 1];
    }
}
