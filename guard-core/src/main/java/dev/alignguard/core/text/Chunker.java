package dev.alignguard.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts normalised text into overlapping windows short enough for the model (at most {@code maxWords}
 * words and {@code maxChars} characters each; a word longer than a window is cut), so that a threat buried
 * deep in a long document is still scored; the guard keeps the highest score over windows. Text that fits
 * one window is one window. Immutable and thread-safe.
 */
public final class Chunker {
    /** The guard's default: 110 words, 560 characters, 25 words overlap, about the 128 tokens of the model. */
    public static final Chunker DEFAULT = new Chunker(110, 560, 25);

    private final int maxWords;
    private final int maxChars;
    private final int overlapWords;

    /**
     * @param maxWords     words per window, at least 1
     * @param maxChars     characters per window, at least 16
     * @param overlapWords words shared by consecutive windows, less than {@code maxWords}
     */
    public Chunker(int maxWords, int maxChars, int overlapWords) {
        if (maxWords < 1 || maxChars < 16 || overlapWords < 0 || overlapWords >= maxWords) {
            throw new IllegalArgumentException("invalid chunking: maxWords=" + maxWords + ", maxChars=" + maxChars
                    + ", overlapWords=" + overlapWords);
        }
        this.maxWords = maxWords;
        this.maxChars = maxChars;
        this.overlapWords = overlapWords;
    }

    /** Windows covering every character of {@code text} (which has single spaces, as normalised). */
    public List<Window> windows(String text) {
        if (text.length() <= maxChars && countWordsUpTo(text, maxWords + 1) <= maxWords) {
            return List.of(new Window(0, text.length()));
        }
        List<int[]> words = pieces(text);
        List<Window> windows = new ArrayList<>();
        int first = 0;
        while (first < words.size()) {
            int last = first;
            int from = words.get(first)[0];
            while (last + 1 < words.size() && last + 1 - first < maxWords
                    && words.get(last + 1)[1] - from <= maxChars) {
                last++;
            }
            windows.add(new Window(from, words.get(last)[1]));
            if (last == words.size() - 1) {
                break;
            }
            int taken = last - first + 1;
            first += Math.max(1, taken - Math.min(overlapWords, taken / 2));
        }
        return windows;
    }

    /** Words as {start, end}, with words longer than a quarter window cut into pieces. */
    private List<int[]> pieces(String text) {
        int maxPiece = Math.max(8, maxChars / 4);
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int j = i;
            while (j < n && text.charAt(j) != ' ' && j - i < maxPiece) {
                j++;
            }
            if (j < n && j - i == maxPiece && Character.isLowSurrogate(text.charAt(j))) {
                j--; // never split a surrogate pair
            }
            out.add(new int[]{i, j});
            i = j;
        }
        return out;
    }

    private static int countWordsUpTo(String text, int limit) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length() && words < limit; i++) {
            boolean space = text.charAt(i) == ' ';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
