package dev.alignguard.core.internal.normalize;

import dev.alignguard.core.text.Chunking;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts normalised text into windows short enough for the model (at most {@code maxWords} words and
 * {@code maxChars} characters each), so that a threat buried deep in a long document is still scored; the
 * guard keeps the highest score over windows. Text that fits one window is one window. Longer text that has
 * lines is packed line by line into windows of at most {@code lineWindowWords} words, so that a paragraph
 * keeps its own window instead of sharing it with half of its neighbours (a threat diluted by unrelated
 * text scores lower); a short line at a window's end is repeated at the next one's start. A line too long
 * for a window, and text without lines, get overlapping word windows; a word longer than a window is cut.
 * Immutable and thread-safe.
 */
public final class Chunker {
    /** The guard's default, {@link Chunking#DEFAULT}. */
    public static final Chunker DEFAULT = new Chunker(Chunking.DEFAULT);

    private final int maxWords;
    private final int maxChars;
    private final int overlapWords;
    private final int lineWindowWords;

    /** Cuts as {@code chunking} says (checked there). */
    public Chunker(Chunking chunking) {
        this.maxWords = chunking.maxWords();
        this.maxChars = chunking.maxChars();
        this.overlapWords = chunking.overlapWords();
        this.lineWindowWords = chunking.lineWindowWords();
    }

    /** Windows covering every character of {@code text} (single spaces, as normalised), read as one line. */
    public List<Window> windows(String text) {
        if (fitsOneWindow(text)) {
            return List.of(new Window(0, text.length()));
        }
        List<Window> out = new ArrayList<>();
        addWordWindows(text, 0, text.length(), out);
        return out;
    }

    /** Windows covering every character of {@code normalized}, whole lines packed together where it has lines. */
    public List<Window> windows(NormalizedText normalized) {
        String text = normalized.text();
        if (fitsOneWindow(text)) {
            return List.of(new Window(0, text.length()));
        }
        List<Window> out = new ArrayList<>();
        int from = -1; // start of the window being packed, -1 when none
        int to = 0;
        int words = 0;
        int[] previous = null;
        for (int[] line : lines(normalized)) {
            int lineWords = countWords(text, line[0], line[1]);
            if (lineWords > lineWindowWords || line[1] - line[0] > maxChars) {
                if (from >= 0) {
                    out.add(new Window(from, to));
                }
                addWordWindows(text, line[0], line[1], out);
                from = -1;
                previous = null;
                continue;
            }
            if (from >= 0 && (words + lineWords > lineWindowWords || line[1] - from > maxChars)) {
                out.add(new Window(from, to));
                from = -1;
                int previousWords = previous == null ? Integer.MAX_VALUE : countWords(text, previous[0], previous[1]);
                if (previousWords <= overlapWords && previousWords + lineWords <= lineWindowWords
                        && line[1] - previous[0] <= maxChars) {
                    from = previous[0];
                    words = previousWords;
                }
            }
            if (from < 0) {
                from = line[0];
                words = 0;
            }
            to = line[1];
            words += lineWords;
            previous = line;
        }
        if (from >= 0) {
            out.add(new Window(from, to));
        }
        return out;
    }

    private boolean fitsOneWindow(String text) {
        return text.length() <= maxChars && countWords(text, 0, text.length()) <= maxWords;
    }

    /** Lines as {start, end}: the text cut at the spaces that stand for line breaks. */
    private static List<int[]> lines(NormalizedText normalized) {
        String text = normalized.text();
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && normalized.lineBreakAt(i)) {
                if (i > start) {
                    lines.add(new int[]{start, i});
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(new int[]{start, text.length()});
        }
        return lines;
    }

    /** Overlapping windows of words over {@code text[start, end)}, appended to {@code out}. */
    private void addWordWindows(String text, int start, int end, List<Window> out) {
        List<int[]> words = pieces(text, start, end);
        int first = 0;
        while (first < words.size()) {
            int last = first;
            int from = words.get(first)[0];
            while (last + 1 < words.size() && last + 1 - first < maxWords
                    && words.get(last + 1)[1] - from <= maxChars) {
                last++;
            }
            out.add(new Window(from, words.get(last)[1]));
            if (last == words.size() - 1) {
                break;
            }
            int taken = last - first + 1;
            first += Math.max(1, taken - Math.min(overlapWords, taken / 2));
        }
    }

    /** Words of {@code text[start, end)} as {start, end}, with words longer than a quarter window cut into pieces. */
    private List<int[]> pieces(String text, int start, int end) {
        int maxPiece = Math.max(8, maxChars / 4);
        List<int[]> out = new ArrayList<>();
        int i = start;
        while (i < end) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int j = i;
            while (j < end && text.charAt(j) != ' ' && j - i < maxPiece) {
                j++;
            }
            if (j < end && j - i == maxPiece && Character.isLowSurrogate(text.charAt(j))) {
                j--; // never split a surrogate pair
            }
            out.add(new int[]{i, j});
            i = j;
        }
        return out;
    }

    private static int countWords(String text, int start, int end) {
        int words = 0;
        boolean inWord = false;
        for (int i = start; i < end; i++) {
            boolean space = text.charAt(i) == ' ';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
