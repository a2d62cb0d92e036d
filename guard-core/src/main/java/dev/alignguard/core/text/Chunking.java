package dev.alignguard.core.text;

/**
 * How long text is cut into windows for the model: at most {@code maxWords} words and {@code maxChars}
 * characters per window, {@code overlapWords} words shared by neighbouring windows of words, and windows of whole
 * lines of at most {@code lineWindowWords} words for text longer than one window that has lines. Checked once,
 * here; the error names every value.
 *
 * @param maxWords        words per window, at least 1
 * @param maxChars        characters per window, at least 16
 * @param overlapWords    words shared by consecutive windows, 0 to {@code maxWords - 1}
 * @param lineWindowWords words per window of whole lines, 1 to {@code maxWords}
 */
public record Chunking(int maxWords, int maxChars, int overlapWords, int lineWindowWords) {

    /**
     * The guard's default: one window up to 110 words and 560 characters (about the 128 tokens of the model),
     * longer text in windows of whole lines up to 60 words, 25 words overlap.
     */
    public static final Chunking DEFAULT = new Chunking(110, 560, 25, 60);

    /** @throws IllegalArgumentException naming every value when one is out of its range */
    public Chunking {
        if (maxWords < 1 || maxChars < 16 || overlapWords < 0 || overlapWords >= maxWords || lineWindowWords < 1
                || lineWindowWords > maxWords) {
            throw new IllegalArgumentException("invalid chunking: maxWords=" + maxWords + ", maxChars=" + maxChars
                    + ", overlapWords=" + overlapWords + ", lineWindowWords=" + lineWindowWords
                    + " (need maxWords >= 1, maxChars >= 16, 0 <= overlapWords < maxWords, "
                    + "1 <= lineWindowWords <= maxWords)");
        }
    }

    /** Windows of whole lines as long as the windows of words ({@code lineWindowWords = maxWords}). */
    public Chunking(int maxWords, int maxChars, int overlapWords) {
        this(maxWords, maxChars, overlapWords, maxWords);
    }
}
