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
    private static final byte[] WORD = {'w', ':'};
    private static final byte[] BIGRAM = {'b', ':'};
    private static final byte[] CHARS = {'c', ':'};
    private static final byte[] UNDERSCORE = {'_'};

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
        return of(weights, 0, weights.length / 4, bias, maxChars);
    }

    /**
     * A model of {@code dim} slots from the little-endian float32 weights at {@code from} (in weights) of
     * {@code all}: one output of a file that holds several, output after output.
     */
    static NgramModel of(byte[] all, int from, int dim, double bias, int maxChars) {
        if (all.length == 0 || all.length % 4 != 0 || dim < 1 || (long) (from + dim) * 4 > all.length) {
            throw new IllegalArgumentException("n-gram weights must be a whole number of float32 values holding "
                    + "every output, are " + all.length + " bytes");
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("n-gram max_chars must be at least 1, is " + maxChars);
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("n-gram bias must be a finite number, is " + bias);
        }
        float[] w = new float[dim];
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().position(from).get(w);
        return new NgramModel(w, bias, maxChars);
    }

    /** The model's logit for a normalised document. */
    double logit(String normalized) {
        return logit(slots(normalized));
    }

    /** The feature slots of a normalised document for this model (models of one dimension and length share them). */
    int[] slots(String normalized) {
        return slots(normalized, weights.length, maxChars);
    }

    /** The model's logit for a document's {@link #slots}. */
    double logit(int[] slots) {
        if (slots.length == 0) {
            return bias;
        }
        double sum = 0;
        for (int s : slots) {
            sum += weights[s];
        }
        return sum / Math.sqrt(slots.length) + bias;
    }

    /**
     * The distinct feature slots of a normalised document, ascending. Each feature's CRC-32 is taken over its prefix
     * and the UTF-8 bytes of its span of the text, without building the feature's string.
     */
    static int[] slots(String normalized, int dim, int maxChars) {
        // lower-casing never shortens a code point, so the first maxChars code points of the lower-cased text come
        // from at most that many of the text; twice as many keep a final sigma's context
        String head = normalized.substring(0, prefixEnd(normalized, 2 * maxChars)).toLowerCase(Locale.ROOT);
        String t = head.substring(0, prefixEnd(head, maxChars));
        byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
        int[] cpStart = codePointOffsets(t, utf8.length); // UTF-8 offset of each code point, and the end
        int cps = cpStart.length - 1;
        CRC32 crc = new CRC32();
        int[] out = new int[64];
        int n = 0;
        int prevStart = -1;
        int prevEnd = -1;
        // words are runs of ASCII bytes, found in the UTF-8 bytes themselves
        for (int start = 0, end; start < utf8.length; start = end + 1) {
            while (start < utf8.length && !isWordByte(utf8[start])) {
                start++;
            }
            end = start;
            while (end < utf8.length && isWordByte(utf8[end])) {
                end++;
            }
            if (end == start) {
                break;
            }
            out = grow(out, n + 2);
            out[n++] = slot(crc, WORD, utf8, start, end, null, 0, 0, dim);
            if (prevStart >= 0) {
                out[n++] = slot(crc, BIGRAM, utf8, prevStart, prevEnd, UNDERSCORE, start, end, dim);
            }
            prevStart = start;
            prevEnd = end;
        }
        for (int len : CHAR_NGRAMS) {
            for (int i = 0; i + len <= cps; i += CHAR_STEP) {
                out = grow(out, n + 1);
                out[n++] = slot(crc, CHARS, utf8, cpStart[i], cpStart[i + len], null, 0, 0, dim);
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    /** The slot of {@code prefix + bytes[from, to)}, followed by {@code join + bytes[from2, to2)} when join is set. */
    private static int slot(CRC32 crc, byte[] prefix, byte[] bytes, int from, int to, byte[] join, int from2, int to2,
                            int dim) {
        crc.reset();
        crc.update(prefix);
        crc.update(bytes, from, to - from);
        if (join != null) {
            crc.update(join);
            crc.update(bytes, from2, to2 - from2);
        }
        return (int) (crc.getValue() % dim);
    }

    /** The UTF-8 byte offset at which each code point of {@code t} starts, then {@code length}. */
    private static int[] codePointOffsets(String t, int length) {
        int[] out = new int[t.codePointCount(0, t.length()) + 1];
        int k = 0;
        int bytes = 0;
        for (int i = 0; i < t.length(); k++) {
            int cp = t.codePointAt(i);
            out[k] = bytes;
            // an unpaired surrogate (never in normalised text) is encoded as one '?', as String.getBytes does
            bytes += cp < 0x80 || Character.isSurrogate((char) cp) && cp < 0x10000 ? 1 : cp < 0x800 ? 2
                    : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        out[k] = length;
        return out;
    }

    /**
     * A byte of a word: the pipeline's {@code [a-z0-9']} (ASCII only, after lower-casing; never a byte of a
     * multi-byte UTF-8 sequence, which are all 0x80 or above).
     */
    private static boolean isWordByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '\'';
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
}
