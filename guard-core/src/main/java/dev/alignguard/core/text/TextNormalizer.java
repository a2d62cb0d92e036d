package dev.alignguard.core.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Folds away the Unicode tricks that hide text from a classifier while keeping offsets: NFKC per code point
 * (full-width and compatibility forms), zero-width, format and control characters removed, every kind of
 * whitespace collapsed to one space, unpaired surrogates replaced by U+FFFD, ends trimmed.
 * The same rule is applied to the training data (training/CONTRACT.md). Stateless and thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Normalises {@code original}; every character of the result maps back to a span of the original. */
    public static NormalizedText normalize(String original) {
        int n = original.length();
        Output out = new Output(n);
        int replaced = 0;
        int spaceFrom = -1; // start of a pending run of whitespace, -1 when none
        int i = 0;
        while (i < n) {
            char c = original.charAt(i);
            int cp = c;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(original.charAt(i + 1))) {
                cp = Character.toCodePoint(c, original.charAt(i + 1));
                width = 2;
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
                replaced++;
            }
            if (isSpace(cp)) {
                if (spaceFrom < 0) {
                    spaceFrom = i;
                }
            } else if (!isInvisible(cp)) {
                String folded = fold(cp);
                for (int j = 0; j < folded.length(); j++) {
                    char fc = folded.charAt(j);
                    if (isSpace(fc)) { // NFKC of some compatibility forms contains spaces
                        if (spaceFrom < 0) {
                            spaceFrom = i;
                        }
                        continue;
                    }
                    if (spaceFrom >= 0 && out.length() > 0) {
                        out.append(' ', spaceFrom, Math.max(i, spaceFrom + 1));
                    }
                    spaceFrom = -1;
                    out.append(fc, i, i + width);
                }
            }
            i += width;
        }
        return out.finish(replaced);
    }

    private static String fold(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) cp);
        }
        String s = Character.toString(cp);
        return Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL // NUL, bell, escape...: dropped so they cannot split a word
                || type == Character.FORMAT; // zero-width space/joiners, BOM, bidi overrides, soft hyphen
        // Combining marks (variation selectors, grapheme joiner) stay: the uncased tokenizer strips them.
    }

    /** The normalised characters and, per character, the original span it came from. */
    private static final class Output {
        private final StringBuilder text;
        private int[] start;
        private int[] end;

        Output(int capacity) {
            text = new StringBuilder(capacity);
            start = new int[Math.max(16, capacity)];
            end = new int[start.length];
        }

        int length() {
            return text.length();
        }

        void append(char c, int from, int to) {
            int k = text.length();
            if (k == start.length) {
                start = Arrays.copyOf(start, k * 2);
                end = Arrays.copyOf(end, k * 2);
            }
            start[k] = from;
            end[k] = to;
            text.append(c);
        }

        NormalizedText finish(int replaced) {
            int len = text.length();
            return new NormalizedText(text.toString(), Arrays.copyOf(start, len), Arrays.copyOf(end, len), replaced);
        }
    }
}
