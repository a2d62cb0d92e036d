package dev.alignguard.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The corpus model's document-level member: a logistic regression over hashed n-grams of the first
 * {@code maxChars} code points of the normalised, lower-cased document (words, word bigrams, character 3- and
 * 5-grams at every second code point), each hashed by CRC-32 of its UTF-8 bytes into {@code dim} slots, binary
 * and L2-normalised. The features are training/ngram_model.py's, code point for code point (NgramModelTest holds
 * its parity fixture). Immutable and thread-safe.
 */
final class NgramModel {
    /** The character n-gram lengths and step this implementation computes (the manifest must state these). */
    static final int[] CHAR_NGRAMS = {3, 5};
    static final int CHAR_STEP = 2;

    private final float[] weights;
    private final double bias;
    private final int maxChars;

    private NgramModel(float[] weights, double bias, int maxChars) {
        this.weights = weights;
        this.bias = bias;
        this.maxChars = maxChars;
    }

    /** A model of {@code weights.length / 4} slots from little-endian float32 weights. */
    static NgramModel of(byte[] weights, double bias, int maxChars) {
        if (weights.length == 0 || weights.length % 4 != 0) {
            throw new IllegalArgumentException("n-gram weights must be a whole number of float32 values, are "
                    + weights.length + " bytes");
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("n-gram max_chars must be at least 1, is " + maxChars);
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("n-gram bias must be a finite number, is " + bias);
        }
        float[] w = new float[weights.length / 4];
        ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(w);
        return new NgramModel(w, bias, maxChars);
    }

    /** The model's logit for a normalised document. */
    double logit(String normalized) {
        int[] slots = slots(normalized, weights.length, maxChars);
        if (slots.length == 0) {
            return bias;
        }
        double sum = 0;
        for (int s : slots) {
            sum += weights[s];
        }
        return sum / Math.sqrt(slots.length) + bias;
    }

    /** The distinct feature slots of a normalised document, ascending. */
    static int[] slots(String normalized, int dim, int maxChars) {
        // lower-casing never shortens a code point, so the first maxChars code points of the lower-cased text come
        // from at most that many of the text; twice as many keep a final sigma's context
        String head = normalized.substring(0, prefixEnd(normalized, 2 * maxChars)).toLowerCase(Locale.ROOT);
        String t = head.substring(0, prefixEnd(head, maxChars));
        int[] out = new int[64];
        int n = 0;
        String previous = null;
        for (int start = 0, end; start < t.length(); start = end + 1) {
            while (start < t.length() && !isWordChar(t.charAt(start))) {
                start++;
            }
            end = start;
            while (end < t.length() && isWordChar(t.charAt(end))) {
                end++;
            }
            if (end == start) {
                break;
            }
            String word = t.substring(start, end);
            out = grow(out, n + 2);
            out[n++] = slot("w:" + word, dim);
            if (previous != null) {
                out[n++] = slot("b:" + previous + "_" + word, dim);
            }
            previous = word;
        }
        int[] cps = t.codePoints().toArray();
        for (int len : CHAR_NGRAMS) {
            for (int i = 0; i + len <= cps.length; i += CHAR_STEP) {
                out = grow(out, n + 1);
                out[n++] = slot("c:" + new String(cps, i, len), dim);
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    /** A character of a word: the pipeline's {@code [a-z0-9']} (ASCII only, after lower-casing). */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'';
    }

    /** The end of the first {@code codePoints} code points of {@code s} (all of it when shorter). */
    private static int prefixEnd(String s, int codePoints) {
        int end = 0;
        for (int k = 0; k < codePoints && end < s.length(); k++) {
            end += Character.charCount(s.codePointAt(end));
        }
        return end;
    }

    private static int[] grow(int[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, 2 * a.length));
    }

    private static int slot(String feature, int dim) {
        CRC32 crc = new CRC32();
        crc.update(feature.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % dim);
    }
}
