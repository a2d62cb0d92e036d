package dev.alignguard.core.corpus;

import java.util.Arrays;

/**
 * Cuts a text into windows of at most {@code windowTokens} tokens of whole words, each starting
 * {@code strideTokens} tokens (rounded up to a word) after the one before, the last one ending at the text's
 * end; a word longer than a window is a window of its own. Windows are {@code [start, end)} pairs of character
 * offsets into the text. Neighbouring windows never leave a gap between them.
 */
final class TokenWindows {
    private int words;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    /** Tokens before each word. */
    private long[] before = new long[65];

    private TokenWindows() {
    }

    /** The windows of {@code text} as {start0, end0, start1, end1, ...}. */
    static int[] cut(String text, PassageScorer scorer, int windowTokens, int strideTokens) {
        TokenWindows w = new TokenWindows();
        scorer.words(text, w::add);
        return w.windows(windowTokens, strideTokens);
    }

    private void add(int start, int end, int tokens) {
        if (start < 0 || end <= start || tokens < 1 || (words > 0 && start < ends[words - 1])) {
            throw new IllegalStateException("the passage scorer reported an invalid word [" + start + ", " + end
                    + ") of " + tokens + " tokens");
        }
        if (words == starts.length) {
            starts = Arrays.copyOf(starts, words * 2);
            ends = Arrays.copyOf(ends, words * 2);
            before = Arrays.copyOf(before, words * 2 + 1);
        }
        starts[words] = start;
        ends[words] = end;
        before[words + 1] = before[words] + tokens;
        words++;
    }

    private int[] windows(int windowTokens, int strideTokens) {
        int[] out = new int[16];
        int n = 0;
        int first = 0;
        while (first < words) {
            int last = first + 1; // exclusive
            while (last < words && before[last + 1] - before[first] <= windowTokens) {
                last++;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = starts[first];
            out[n++] = ends[last - 1];
            if (last == words) {
                break;
            }
            int next = first + 1;
            while (next < last && before[next] - before[first] < strideTokens) {
                next++;
            }
            first = next;
        }
        return Arrays.copyOf(out, n);
    }
}
