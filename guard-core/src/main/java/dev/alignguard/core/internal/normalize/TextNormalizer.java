package dev.alignguard.core.internal.normalize;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Folds away the Unicode tricks that hide text from a classifier while keeping offsets: NFKC per code point
 * (full-width and compatibility forms), zero-width, format and control characters removed, every kind of
 * whitespace collapsed to one space (remembering which spaces stand for a line break, for the chunker),
 * unpaired surrogates replaced by U+FFFD, ends trimmed.
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
            int cp = codePointAt(original, i);
            int width = Character.charCount(cp); // 2 only for a valid surrogate pair
            if (cp == 0xFFFD && Character.isSurrogate(original.charAt(i))) {
                replaced++;
            }
            if (isSpace(cp)) {
                if (spaceFrom < 0) {
                    spaceFrom = i;
                }
                i += width;
                continue;
            }
            if (isInvisible(cp)) {
                i += width;
                continue;
            }
            // A base character and the combining marks after it are normalised together (é = e + U+0301).
            int end = i + width;
            while (end < n && isCombining(codePointAt(original, end))) {
                end += Character.charCount(codePointAt(original, end));
            }
            String folded = end == i + 1 && cp < 0x80 ? null : fold(original.substring(i, end), cp);
            if (folded == null) {
                spaceFrom = appendPendingSpace(out, original, spaceFrom, i);
                out.append((char) cp, i, end);
            } else {
                for (int j = 0; j < folded.length(); j++) {
                    char fc = folded.charAt(j);
                    if (isSpace(fc)) { // NFKC of some compatibility forms contains spaces
                        if (spaceFrom < 0) {
                            spaceFrom = i;
                        }
                        continue;
                    }
                    spaceFrom = appendPendingSpace(out, original, spaceFrom, i);
                    out.append(fc, i, end);
                }
            }
            i = end;
        }
        return out.finish(replaced);
    }

    /** The code point at {@code i}, with an unpaired surrogate read as U+FFFD. */
    private static int codePointAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return Character.toCodePoint(c, s.charAt(i + 1));
        }
        return Character.isSurrogate(c) ? 0xFFFD : c;
    }

    private static int appendPendingSpace(Output out, String original, int spaceFrom, int at) {
        if (spaceFrom >= 0 && out.length() > 0) {
            int to = Math.max(at, spaceFrom + 1);
            if (containsLineBreak(original, spaceFrom, to)) {
                out.lineBreaks.set(out.length());
            }
            out.append(' ', spaceFrom, to);
        }
        return -1;
    }

    private static boolean containsLineBreak(String s, int from, int to) {
        for (int i = from; i < to && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return true;
            }
        }
        return false;
    }

    private static String fold(String cluster, int cp) {
        if (Character.isSurrogate(cluster.charAt(0)) && Character.charCount(cp) == 1) {
            cluster = "\uFFFD" + cluster.substring(1); // an unpaired surrogate
        }
        return Normalizer.isNormalized(cluster, Normalizer.Form.NFKC) ? cluster
                : Normalizer.normalize(cluster, Normalizer.Form.NFKC);
    }

    private static boolean isCombining(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
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
        private final BitSet lineBreaks = new BitSet();

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
            return new NormalizedText(text.toString(), Arrays.copyOf(start, len), Arrays.copyOf(end, len), lineBreaks,
                    replaced);
        }
    }
}
