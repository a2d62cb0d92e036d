package dev.alignguard.onnx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.alignguard.core.corpus.PassageScorer;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BERT WordPiece tokenizer a HuggingFace {@code tokenizer.json} describes (BertNormalizer, BertPreTokenizer,
 * WordPiece, {@code [CLS] text [SEP]}), in plain Java: the same token ids as the HuggingFace tokenizers library
 * (checked id for id against it by the tests), without its native library, JNA or the CUDA probe its loader
 * runs, which cost a third of the guard's cold start. A {@code tokenizer.json} of another kind is refused.
 * Thread-safe (immutable).
 */
final class WordPieceTokenizer {
    /** 30,000 vocabulary entries are field names: neither interned nor kept in Jackson's symbol table. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /**
     * Code point ranges (first, last) that Unicode assigned or re-categorised after the tables HuggingFace's
     * normaliser and pre-tokenizer use: combining marks, punctuation and format characters of scripts added since
     * Unicode 8, which HuggingFace sees as ordinary word characters. Found by tokenising every code point with both
     * tokenizers ({@code WordPieceTokenizerTest}).
     */
    private static final int[] NEWER_THAN_HUGGINGFACE_TABLES = {
            0x7FD, 0x7FD, 0x8D3, 0x8E2, 0x9FD, 0x9FE, 0xA76, 0xA76, 0xAFA, 0xAFF, 0xB55, 0xB55, 0xC04, 0xC04,
            0xC77, 0xC77, 0xC84, 0xC84, 0xD00, 0xD00, 0xD3B, 0xD3C, 0xD81, 0xD81, 0xEBA, 0xEBA, 0x1885, 0x1886,
            0x1ABF, 0x1AC0, 0x1DF6, 0x1DF9, 0x1DFB, 0x1DFB, 0x2E43, 0x2E4F, 0x2E52, 0x2E52, 0xA82C, 0xA82C,
            0xA8C5, 0xA8C5, 0xA8FF, 0xA8FF, 0xA9BD, 0xA9BD, 0x10D24, 0x10D27, 0x10EAB, 0x10EAD, 0x10F46, 0x10F50,
            0x10F55, 0x10F59, 0x110CD, 0x110CD, 0x111CF, 0x111CF, 0x1123E, 0x1123E,
            0x1133B, 0x1133B, 0x11438, 0x1143F, 0x11442, 0x11444, 0x11446, 0x11446, 0x1144B, 0x1144F,
            0x1145A, 0x1145B, 0x1145D, 0x1145E, 0x11660, 0x1166C, 0x1182F, 0x11837, 0x11839, 0x1183B,
            0x1193B, 0x1193C, 0x1193E, 0x1193E, 0x11943, 0x11946, 0x119D4, 0x119D7, 0x119DA, 0x119DB,
            0x119E0, 0x119E0, 0x119E2, 0x119E2, 0x11A01, 0x11A0A, 0x11A33, 0x11A38, 0x11A3B, 0x11A47,
            0x11A51, 0x11A56, 0x11A59, 0x11A5B, 0x11A8A, 0x11A96, 0x11A98, 0x11A9C, 0x11A9E, 0x11AA2,
            0x11C30, 0x11C36, 0x11C38, 0x11C3D, 0x11C3F, 0x11C3F, 0x11C41, 0x11C45, 0x11C70, 0x11C71,
            0x11C92, 0x11CA7, 0x11CAA, 0x11CB0, 0x11CB2, 0x11CB3, 0x11CB5, 0x11CB6, 0x11D31, 0x11D36,
            0x11D3A, 0x11D3A, 0x11D3C, 0x11D3D, 0x11D3F, 0x11D45, 0x11D47, 0x11D47, 0x11D90, 0x11D91,
            0x11D95, 0x11D95, 0x11D97, 0x11D97, 0x11EF3, 0x11EF4, 0x11EF7, 0x11EF8, 0x11FFF, 0x11FFF,
            0x13430, 0x13438, 0x16E97, 0x16E9A, 0x16F4F, 0x16F4F, 0x16FE2, 0x16FE2, 0x16FE4, 0x16FE4,
            0x1E000, 0x1E006, 0x1E008, 0x1E018, 0x1E01B, 0x1E021, 0x1E023, 0x1E024, 0x1E026, 0x1E02A,
            0x1E130, 0x1E136, 0x1E2EC, 0x1E2EF, 0x1E944, 0x1E94A, 0x1E95E, 0x1E95F
    };
    /**
     * Canadian syllabics chi sign and Sharada sandhi mark: punctuation in HuggingFace's tables, a symbol and a
     * combining mark in Java's.
     */
    private static final int[] OLD_PUNCTUATION = {0x166D, 0x111C9};
    /**
     * The most windows {@link #encodeWindows} cuts one text into: the guard's windows of at most 560 characters
     * need at most 8 at the bundled 128 ids (one id per character, as unspaced CJK text can be).
     */
    static final int MAX_WINDOWS = 16;

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> specialTokens;
    /** The first characters of the special tokens: where a text can hold one. */
    private final String specialStarts;
    private final int unkId;
    private final int clsId;
    private final int sepId;
    private final String subwordPrefix;
    private final int maxWordChars;
    private final boolean lowercase;
    private final boolean stripAccents;
    private final int maxLength;

    private WordPieceTokenizer(Config c, int maxLength) throws IOException {
        this.vocab = c.vocab;
        this.specialTokens = c.specialTokens;
        StringBuilder starts = new StringBuilder();
        c.specialTokens.keySet().forEach(t -> starts.append(t.charAt(0)));
        this.specialStarts = starts.toString();
        this.subwordPrefix = c.subwordPrefix;
        this.maxWordChars = c.maxWordChars;
        this.lowercase = c.lowercase;
        this.stripAccents = c.stripAccents == null ? c.lowercase : c.stripAccents;
        this.unkId = id(c.unkToken);
        this.clsId = id("[CLS]");
        this.sepId = id("[SEP]");
        if (maxLength < 3) {
            throw new IOException("max length " + maxLength + " leaves no room for text between [CLS] and [SEP]");
        }
        this.maxLength = maxLength;
    }

    private int id(String token) throws IOException {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IOException("tokenizer.json: the vocabulary has no " + token);
        }
        return id;
    }

    /**
     * The tokenizer {@code json} describes, cutting texts to {@code maxLength} ids (special tokens included).
     *
     * @throws IOException when the JSON is not a BERT WordPiece tokenizer this class implements
     */
    static WordPieceTokenizer fromJson(byte[] json, int maxLength) throws IOException {
        Config c = new Config();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "model" -> c.model(p, value);
                    case "normalizer" -> c.normalizer(p, value);
                    case "pre_tokenizer" -> c.preTokenizer(p, value);
                    case "added_tokens" -> c.addedTokens(p, value);
                    case "post_processor" -> c.postProcessor(p, value);
                    default -> p.skipChildren();
                }
            }
        }
        c.check();
        return new WordPieceTokenizer(c, maxLength);
    }

    /** Token ids for {@code text}: {@code [CLS]}, at most {@code maxLength - 2} ids of text, {@code [SEP]}. */
    long[] encode(String text) {
        List<Integer> ids = textIds(text, maxLength - 2);
        return framed(ids, 0, ids.size());
    }

    /**
     * Token ids for all of {@code text} (up to {@link #MAX_WINDOWS} windows), in windows the model reads whole:
     * each is {@code [CLS]}, at most {@code maxLength - 2} ids of text, {@code [SEP]}, and each starts half a
     * window after the one before, so any run of ids up to half a window long lies whole in one of them. Text
     * that fits one window gives exactly {@link #encode}'s ids.
     */
    long[][] encodeWindows(String text) {
        int room = maxLength - 2;
        int stride = Math.max(1, room / 2);
        List<Integer> ids = textIds(text, room + stride * (MAX_WINDOWS - 1));
        int windows = ids.size() <= room ? 1 : 1 + (ids.size() - room + stride - 1) / stride;
        long[][] out = new long[windows][];
        for (int w = 0; w < windows; w++) {
            int from = w * stride;
            out[w] = framed(ids, from, Math.min(ids.size(), from + room));
        }
        return out;
    }

    private long[] framed(List<Integer> ids, int from, int to) {
        long[] out = new long[to - from + 2];
        out[0] = clsId;
        for (int i = from; i < to; i++) {
            out[i - from + 1] = ids.get(i);
        }
        out[out.length - 1] = sepId;
        return out;
    }

    /** The ids of {@code text}, special tokens written in it included, stopping at {@code limit} ids. */
    private List<Integer> textIds(String text, int limit) {
        List<Integer> ids = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length() && ids.size() < limit; i++) {
            if (specialStarts.indexOf(text.charAt(i)) < 0) {
                continue;
            }
            String special = specialAt(text, i);
            if (special != null) {
                words(text.substring(start, i), ids, limit);
                if (ids.size() < limit) {
                    ids.add(specialTokens.get(special));
                }
                start = i + special.length();
                i = start - 1;
            }
        }
        if (ids.size() < limit) {
            words(text.substring(start), ids, limit);
        }
        return ids;
    }

    /**
     * Reports the words of {@code text} as this tokenizer splits it (runs between whitespace; each punctuation
     * mark and CJK ideograph alone), each with its span in {@code text} and its number of WordPiece ids, so that
     * text cut between two words is encoded into the same ids as the whole. Characters the normaliser drops belong
     * to the word around them; a special token written in the text counts as the pieces it is spelled with (a
     * count too high, never too low).
     */
    void words(String text, PassageScorer.WordSink sink) {
        List<Integer> ids = new ArrayList<>();
        int wordStart = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean dropped = c == 0 || c == 0xFFFD || isControl(c);
            boolean space = !dropped && isWhitespace(c);
            boolean alone = !dropped && !space && (isPunctuation(c) || isChinese(c));
            if (space || alone) {
                if (wordStart >= 0) {
                    word(text, wordStart, i, ids, sink);
                    wordStart = -1;
                }
                if (alone) {
                    word(text, i, next, ids, sink);
                }
            } else if (wordStart < 0 && !dropped) {
                wordStart = i;
            }
            i = next;
        }
        if (wordStart >= 0) {
            word(text, wordStart, text.length(), ids, sink);
        }
    }

    private void word(String text, int start, int end, List<Integer> ids, PassageScorer.WordSink sink) {
        ids.clear();
        words(text.substring(start, end), ids, Integer.MAX_VALUE);
        if (!ids.isEmpty()) {
            sink.word(start, end, ids.size());
        }
    }

    /** The longest special token (e.g. {@code [SEP]}) written at {@code at}, or null. */
    private String specialAt(String text, int at) {
        String found = null;
        for (String s : specialTokens.keySet()) {
            if (text.startsWith(s, at) && (found == null || s.length() > found.length())) {
                found = s;
            }
        }
        return found;
    }

    /** Normalises {@code text}, splits it into words and punctuation, and adds their WordPiece ids. */
    private void words(String text, List<Integer> ids, int room) {
        String normal = normalize(text);
        int wordStart = -1;
        for (int i = 0; i < normal.length() && ids.size() < room; ) {
            int c = normal.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean space = isWhitespace(c);
            boolean punct = !space && isPunctuation(c);
            if (space || punct) {
                if (wordStart >= 0) {
                    wordPiece(normal.substring(wordStart, i), ids, room);
                    wordStart = -1;
                }
                if (punct) {
                    wordPiece(normal.substring(i, next), ids, room);
                }
            } else if (wordStart < 0) {
                wordStart = i;
            }
            i = next;
        }
        if (wordStart >= 0) {
            wordPiece(normal.substring(wordStart), ids, room);
        }
    }

    /** Greedy longest-match-first WordPiece; a word with a piece not in the vocabulary is one unknown token. */
    private void wordPiece(String word, List<Integer> ids, int room) {
        if (word.codePointCount(0, word.length()) > maxWordChars) {
            ids.add(unkId);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            Integer found = null;
            int end = word.length();
            while (end > start) {
                String piece = word.substring(start, end);
                found = vocab.get(start > 0 ? subwordPrefix + piece : piece);
                if (found != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                ids.add(unkId);
                return;
            }
            pieces.add(found);
            start = end;
        }
        for (int i = 0; i < pieces.size() && ids.size() < room; i++) {
            ids.add(pieces.get(i));
        }
    }

    /**
     * BertNormalizer: drops NUL, U+FFFD and control, format and private-use characters (unassigned ones stay, as in HuggingFace), turns whitespace
     * into spaces, puts spaces around CJK ideographs, then strips accents (NFD, non-spacing marks removed) and
     * lower-cases, each when configured.
     */
    private String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                continue;
            }
            if (isWhitespace(c)) {
                b.append(' ');
            } else if (isChinese(c)) {
                b.append(' ').appendCodePoint(c).append(' ');
            } else {
                b.appendCodePoint(c);
            }
        }
        String s = b.toString();
        if (stripAccents) {
            String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
            StringBuilder kept = new StringBuilder(nfd.length());
            nfd.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK
                            || newerThanHuggingFaceTables(c) || isOldPunctuation(c))
                    .forEach(kept::appendCodePoint);
            s = kept.toString();
        }
        if (lowercase) {
            // one character at a time, as HuggingFace does: no final-sigma rule; capital I with dot above is the
            // one character whose lower case is two
            StringBuilder lower = new StringBuilder(s.length());
            s.codePoints().forEach(c -> {
                if (c == 0x130) {
                    lower.append("i\u0307");
                } else {
                    lower.appendCodePoint(Character.toLowerCase(c));
                }
            });
            s = lower.toString();
        }
        return s;
    }

    /** Unicode's White_Space property (as Rust's {@code char::is_whitespace}). */
    private static boolean isWhitespace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r' || newerThanHuggingFaceTables(c)) {
            return false;
        }
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE
                || t == Character.SURROGATE;
    }

    private static boolean isPunctuation(int c) {
        if (c < 128) {
            return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
        }
        if (isOldPunctuation(c)) {
            return true;
        }
        if (newerThanHuggingFaceTables(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isOldPunctuation(int c) {
        return c == OLD_PUNCTUATION[0] || c == OLD_PUNCTUATION[1];
    }

    private static boolean newerThanHuggingFaceTables(int c) {
        if (c < NEWER_THAN_HUGGINGFACE_TABLES[0]) {
            return false;
        }
        int lo = 0;
        int hi = NEWER_THAN_HUGGINGFACE_TABLES.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (c < NEWER_THAN_HUGGINGFACE_TABLES[2 * mid]) {
                hi = mid - 1;
            } else if (c > NEWER_THAN_HUGGINGFACE_TABLES[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted) throws IOException {
        if (got != wanted) {
            throw new IOException("tokenizer.json: expected " + wanted + " at " + p.currentName() + ", found " + got);
        }
    }

    /** What tokenizer.json says, checked to be the kind of tokenizer this class implements. */
    private static final class Config {
        private final Map<String, Integer> vocab = new HashMap<>(40_000);
        private final Map<String, Integer> specialTokens = new HashMap<>();
        private String modelType;
        private String normalizerType;
        private String preTokenizerType;
        private String postProcessorType;
        private String unkToken = "[UNK]";
        private String subwordPrefix = "##";
        private int maxWordChars = 100;
        private boolean lowercase;
        private Boolean stripAccents;
        private boolean cleanText;
        private boolean chineseChars;

        void model(JsonParser p, JsonToken t) throws IOException {
            expect(p, t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "type" -> modelType = p.getText();
                    case "unk_token" -> unkToken = p.getText();
                    case "continuing_subword_prefix" -> subwordPrefix = p.getText();
                    case "max_input_chars_per_word" -> maxWordChars = p.getIntValue();
                    case "vocab" -> {
                        expect(p, v, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String token = p.currentName();
                            expect(p, p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                            vocab.put(token, p.getIntValue());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }

        void normalizer(JsonParser p, JsonToken t) throws IOException {
            expect(p, t, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "type" -> normalizerType = p.getText();
                    case "clean_text" -> cleanText = v == JsonToken.VALUE_TRUE;
                    case "handle_chinese_chars" -> chineseChars = v == JsonToken.VALUE_TRUE;
                    case "lowercase" -> lowercase = v == JsonToken.VALUE_TRUE;
                    case "strip_accents" -> stripAccents = v == JsonToken.VALUE_NULL ? null : v == JsonToken.VALUE_TRUE;
                    default -> p.skipChildren();
                }
            }
        }

        void preTokenizer(JsonParser p, JsonToken t) throws IOException {
            preTokenizerType = type(p, t);
        }

        void postProcessor(JsonParser p, JsonToken t) throws IOException {
            postProcessorType = type(p, t);
        }

        /** The object's {@code type}, the rest skipped. */
        private static String type(JsonParser p, JsonToken t) throws IOException {
            expect(p, t, JsonToken.START_OBJECT);
            String type = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("type")) {
                    type = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return type;
        }

        void addedTokens(JsonParser p, JsonToken t) throws IOException {
            expect(p, t, JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String content = null;
                int id = -1;
                boolean plain = true;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "content" -> content = p.getText();
                        case "id" -> id = p.getIntValue();
                        case "single_word", "lstrip", "rstrip", "normalized" -> plain &= v == JsonToken.VALUE_FALSE;
                        default -> p.skipChildren();
                    }
                }
                if (content == null || content.isEmpty() || id < 0 || !plain) {
                    throw new IOException("tokenizer.json: added token " + content + " is not a plain special token"
                            + " (single_word, lstrip, rstrip and normalized false)");
                }
                specialTokens.put(content, id);
            }
        }

        void check() throws IOException {
            if (!"WordPiece".equals(modelType) || !"BertNormalizer".equals(normalizerType) || !cleanText
                    || !chineseChars || !"BertPreTokenizer".equals(preTokenizerType)
                    || !("TemplateProcessing".equals(postProcessorType) || "BertProcessing".equals(postProcessorType))) {
                throw new IOException("tokenizer.json is not a BERT WordPiece tokenizer (model " + modelType
                        + ", normalizer " + normalizerType + " with clean_text and handle_chinese_chars, pre-tokenizer "
                        + preTokenizerType + ", post-processor " + postProcessorType + ")");
            }
            if (vocab.isEmpty()) {
                throw new IOException("tokenizer.json has an empty vocabulary");
            }
        }
    }
}
