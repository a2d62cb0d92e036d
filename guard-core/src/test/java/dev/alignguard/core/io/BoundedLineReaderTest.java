package dev.alignguard.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines as MCP's stdio transport delimits them, each held only up to the limit. */
class BoundedLineReaderTest {
    private static final int LIMIT = 1024;
    private static final String OVER_LONG = "<over-long>";

    /** Every line of {@code input}; an over-long one as {@code <over-long>:length}. */
    private static List<String> lines(Reader input, int limit) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(input, limit);
        List<String> lines = new ArrayList<>();
        for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
            if (line.overLong()) {
                lines.add(OVER_LONG + ":" + line.length());
            } else {
                assertEquals(line.text().length(), line.length(), line.text());
                lines.add(line.text());
            }
        }
        assertNull(reader.next(), "the end of the input stays the end");
        return lines;
    }

    private static List<String> lines(String input, int limit) throws IOException {
        return lines(new StringReader(input), limit);
    }

    /** A reader that hands out one char per read, so that every line crosses reads at every position. */
    private static Reader trickle(String input) {
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] buf, int off, int len) {
                if (pos == input.length()) {
                    return -1;
                }
                buf[off] = input.charAt(pos++);
                return 1;
            }

            @Override
            public void close() {
                pos = input.length();
            }
        };
    }

    @Test
    void readsALineOfExactlyTheLimit() throws IOException {
        String line = "x".repeat(LIMIT);
        assertEquals(List.of(line, "next"), lines(line + "\nnext\n", LIMIT));
    }

    @Test
    void reportsALineOfTheLimitPlusOneAsOverLongWithItsLength() throws IOException {
        assertEquals(List.of(OVER_LONG + ":" + (LIMIT + 1), "next"),
                lines("x".repeat(LIMIT + 1) + "\nnext\n", LIMIT));
    }

    @Test
    void readsAnOverLongLineToItsEndAcrossManyReadsAndGoesOn() throws IOException {
        int length = 100_000; // many times the reader's buffer
        assertEquals(List.of("before", OVER_LONG + ":" + length, "after"),
                lines("before\n" + "y".repeat(length) + "\nafter\n", LIMIT));
    }

    @Test
    void keepsEmptyLinesAsEmptyText() throws IOException {
        assertEquals(List.of("", "a", "", ""), lines("\na\n\n\n", LIMIT));
        assertEquals(List.of(), lines("", LIMIT));
    }

    @Test
    void returnsTheTextAfterTheLastNewlineAsALine() throws IOException {
        assertEquals(List.of("a", "tail"), lines("a\ntail", LIMIT));
        assertEquals(List.of(OVER_LONG + ":" + (LIMIT + 1)), lines("z".repeat(LIMIT + 1), LIMIT));
    }

    @Test
    void splitsOnNewlineOnlyAndStripsOneCarriageReturnBeforeIt() throws IOException {
        assertEquals(List.of("{\"a\":1,\r\"b\":2}", "crlf", "two\r", "\rlead", "cr at the end\r"),
                lines("{\"a\":1,\r\"b\":2}\ncrlf\r\ntwo\r\r\n\rlead\ncr at the end\r", LIMIT));
    }

    @Test
    void doesNotCountTheCarriageReturnOfTheTerminatorAgainstTheLimit() throws IOException {
        String line = "x".repeat(LIMIT);
        assertEquals(List.of(line), lines(line + "\r\n", LIMIT));
        assertEquals(List.of(OVER_LONG + ":" + (LIMIT + 1)), lines(line + "\r\r\n", LIMIT));
        assertEquals(List.of(OVER_LONG + ":" + (LIMIT + 1)), lines(line + "\r", LIMIT), "no \\n: the \\r is text");
    }

    @Test
    void readsTheSameLinesWhenEveryCharArrivesInItsOwnRead() throws IOException {
        String input = "x".repeat(LIMIT) + "\r\n" + "y".repeat(LIMIT + 1) + "\r\n\r\nlast\r";
        List<String> expected = List.of("x".repeat(LIMIT), OVER_LONG + ":" + (LIMIT + 1), "", "last\r");
        assertEquals(expected, lines(input, LIMIT));
        assertEquals(expected, lines(trickle(input), LIMIT));
    }

    @Test
    void countsTheLimitInCharsOfDecodedUtf8() throws IOException {
        String twoByte = "é".repeat(LIMIT); // 2 bytes each in UTF-8, 1 char
        String emoji = "\uD83D\uDE00".repeat(LIMIT / 2); // 4 bytes each, 2 chars (a surrogate pair)
        String input = twoByte + "\n" + emoji + "\n" + emoji + "é\n" + "日本語\n";
        Reader utf8 = new InputStreamReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        List<String> lines = lines(utf8, LIMIT);
        assertEquals(List.of(twoByte, emoji, OVER_LONG + ":" + (LIMIT + 1), "日本語"), lines);
        assertTrue(lines.get(1).codePoints().allMatch(c -> c == 0x1F600), "surrogate pairs stay whole");
    }

    @Test
    void refusesALimitBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedLineReader(new StringReader(""), 0));
    }
}
