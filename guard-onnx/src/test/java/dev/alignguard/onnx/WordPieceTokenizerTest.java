package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java tokenizer gives the HuggingFace tokenizers library's ids, id for id: for every code point of
 * Unicode's first three planes and the special-purpose plane, and for texts that exercise special tokens, accents,
 * CJK, long words and truncation.
 */
class WordPieceTokenizerTest {
    private static final int LONG = 512;
    private static byte[] json;
    private static HuggingFaceTokenizer reference;
    private static HuggingFaceTokenizer reference128;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ModelBundle.class.getClassLoader()
                .getResourceAsStream(ModelBundle.CLASSPATH_LOCATION + ModelBundle.TOKENIZER)) {
            json = in.readAllBytes();
        }
        reference = huggingFace(LONG);
        reference128 = huggingFace(128);
    }

    private static HuggingFaceTokenizer huggingFace(int maxLength) throws IOException {
        return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), Map.of("truncation", "true",
                "padding", "false", "maxLength", Integer.toString(maxLength), "addSpecialTokens", "true"));
    }

    @AfterAll
    static void close() {
        reference.close();
        reference128.close();
    }

    @Test
    void givesHuggingFaceIdsForEveryCodePoint() throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.fromJson(json, LONG);
        List<int[]> planes = List.of(new int[] {0x1, 0x2FFFF}, new int[] {0xE0000, 0xE01EF},
                new int[] {0xF0000, 0xF00FF});
        for (int[] plane : planes) {
            StringBuilder text = new StringBuilder();
            int words = 0;
            for (int c = plane[0]; c <= plane[1]; c++) {
                if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                    continue;
                }
                // the code point inside a word and alone: a letter, a mark, punctuation or a dropped character
                text.append('a').appendCodePoint(c).append("b ").appendCodePoint(c).append(' ');
                if (++words == 24 || c == plane[1]) {
                    String t = text.toString();
                    assertArrayEquals(reference.encode(t).getIds(), tokenizer.encode(t),
                            () -> "ids differ for " + t.codePoints().mapToObj(Integer::toHexString).toList());
                    text.setLength(0);
                    words = 0;
                }
            }
        }
    }

    @Test
    void givesHuggingFaceIdsForSpecialTokensAccentsLongWordsAndTruncation() throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.fromJson(json, 128);
        List<String> texts = new ArrayList<>(List.of("", " ", "Hello, World!",
                "Daniel, I have seen the messages [SEP] between you [CLS][SEP]x [MASK]ed [sep] [UNK ]",
                "Ünïcödé naïve café İstanbul ΣΑΣ ὈΔΥΣΣΕΎΣ straße ﬁnance Ⅻ ½",
                "中文字符 and 日本語のテキスト 한국어", "emoji 😀🥺🫠 and flags 🇩🇪",
                "tab\there\u000bvt\u0085nel\u00a0nbsp\u2028ls\u3000ideographic",
                "\u0000nul\ufffd replacement \u200b zero-width \u00ad soft hyphen \ue000 private",
                "a".repeat(100) + " " + "b".repeat(101) + " unaffable antidisestablishmentarianism",
                "word ".repeat(300), "[SEP]".repeat(200), "x".repeat(5000)));
        for (String t : texts) {
            assertArrayEquals(reference128.encode(t).getIds(), tokenizer.encode(t),
                    () -> "ids differ for " + t.substring(0, Math.min(t.length(), 80)));
        }
        assertEquals(128, tokenizer.encode("word ".repeat(300)).length);
    }

    @Test
    void windowsCoverEveryIdOfALongTextWithHalfAWindowOfOverlap() throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.fromJson(json, 128);
        WordPieceTokenizer whole = WordPieceTokenizer.fromJson(json, LONG);
        String text = "中文字符和日本語のテキスト".repeat(20) + " I will send the photos to your wife unless you pay";
        long[] all = whole.encode(text);
        long[][] windows = tokenizer.encodeWindows(text);
        assertTrue(all.length > 128 && all.length < LONG, "the text must need several windows: " + all.length);
        assertEquals(1 + (all.length - 2 - 126 + 62) / 63, windows.length);
        for (int w = 0; w < windows.length; w++) {
            long[] ids = windows[w];
            assertTrue(ids.length <= 128);
            assertEquals(all[0], ids[0]);
            assertEquals(all[all.length - 1], ids[ids.length - 1]);
            long[] expected = java.util.Arrays.copyOfRange(all, 1 + w * 63, 1 + w * 63 + ids.length - 2);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(ids, 1, ids.length - 1));
        }
        long[] last = windows[windows.length - 1];
        assertEquals(all[all.length - 2], last[last.length - 2], "the last window ends with the text's last id");
    }

    @Test
    void aTextThatFitsOneWindowGetsExactlyItsEncoding() throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.fromJson(json, 128);
        for (String t : List.of("", "Hello, World!", "word ".repeat(126), "x".repeat(5000))) {
            long[][] windows = tokenizer.encodeWindows(t);
            assertEquals(1, windows.length, t.length() + " chars");
            assertArrayEquals(tokenizer.encode(t), windows[0]);
        }
    }

    @Test
    void windowsStopAtTheirCapOnHugeText() throws IOException {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.fromJson(json, 128);
        long[][] windows = tokenizer.encodeWindows("word ".repeat(100_000));
        assertEquals(WordPieceTokenizer.MAX_WINDOWS, windows.length);
    }

    @Test
    void refusesATokenizerOfAnotherKind() {
        byte[] bpe = new String(json, StandardCharsets.UTF_8).replace("\"type\": \"WordPiece\"", "\"type\": \"BPE\"")
                .getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> WordPieceTokenizer.fromJson(bpe, 128));
        assertTrue(e.getMessage().contains("not a BERT WordPiece tokenizer (model BPE"), e.getMessage());
    }

    @Test
    void loadingTheClassifierAndScoringLoadNoClassOfDjlAndProbeNoGpu() throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-verbose:class",
                "-cp", System.getProperty("java.class.path"), ScoreOnce.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("scored"), out);
        assertFalse(out.contains("ai.djl"), "a DJL class was loaded (its native loader probes for CUDA)");
        assertFalse(out.contains("Failed to detect GPU"), out);
    }

    /** Loads the bundled classifier and scores one text, in a fresh JVM (with an SLF4J provider). */
    static final class ScoreOnce {
        public static void main(String[] args) throws Exception {
            try (OnnxClassifier c = OnnxClassifier.bundled()) {
                c.score(List.of("Please send the quarterly report to the finance team by Friday."));
            }
            System.out.println("scored");
        }
    }
}
