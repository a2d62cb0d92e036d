package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's words are what the corpus audit cuts windows from: their token counts add up to the ids the
 * tokenizer gives the whole text, and text cut between any two words encodes to exactly the ids of those words.
 */
class WordPieceWordsTest {
    private static final String[] PIECES = {"The", "robot", "said", ",", "\u201cno", ".\u201d", "caf\u00e9",
            "na\u00efve", "\u6a5f\u68b0", "\u4eba", "Stra\u00dfe", "\ud83e\udd16", "unbelievably", "x\u200by", "\u0000",
            "don't", "e-mail", "HAL-9000", "\u00c5ngstr\u00f6m", "\u03a3\u03bf\u03c6\u03af\u03b1", "\u0646\u0638\u0627\u0645",
            "\u0915\u0943\u0924\u094d\u0930\u093f\u092e", "...", "(", ")", "42", "3.14", "#1", "@bot", "\t", "\n", "  "};
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ModelBundle.class.getClassLoader()
                .getResourceAsStream(ModelBundle.CLASSPATH_LOCATION + ModelBundle.TOKENIZER)) {
            tokenizer = WordPieceTokenizer.fromJson(in.readAllBytes(), 100_000);
        }
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) > 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    @Test
    void wordTokenCountsAddUpToTheIdsOfTheWholeText() {
        Random random = new Random(17);
        for (int t = 0; t < 2000; t++) {
            String text = randomText(random);
            int[] total = {0};
            tokenizer.words(text, (s, e, n) -> total[0] += n);
            assertEquals(tokenizer.encode(text).length - 2, total[0], text);
        }
    }

    @Test
    void textCutBetweenWordsEncodesToExactlyThoseWordsIds() {
        Random random = new Random(42);
        for (int t = 0; t < 2000; t++) {
            String text = randomText(random);
            List<int[]> words = new ArrayList<>();
            tokenizer.words(text, (s, e, n) -> words.add(new int[] {s, e, n}));
            if (words.isEmpty()) {
                continue;
            }
            int from = random.nextInt(words.size());
            int to = from + random.nextInt(words.size() - from);
            int tokens = 0;
            for (int w = from; w <= to; w++) {
                tokens += words.get(w)[2];
                assertTrue(words.get(w)[0] < words.get(w)[1], text);
            }
            String cut = text.substring(words.get(from)[0], words.get(to)[1]);
            assertEquals(tokens, tokenizer.encode(cut).length - 2, "[" + cut + "] of [" + text + "]");
        }
    }
}
