package dev.alignguard.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.alignguard.core.io.BoundedLineReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusJsonlTest {

    @Test
    void readsIdTextAndSourceAndIgnoresOtherMembers() {
        CorpusDocument d = CorpusJsonl.parse(4, "{\"id\":\"a-1\",\"meta\":{\"x\":[1,2]},\"text\":\"Hello\",\"source\":\"forum\"}");
        assertEquals(new CorpusDocument(4, "a-1", false, "forum", "Hello", null), d);
    }

    @Test
    void writesANumericIdBackAsANumber() {
        CorpusDocument d = CorpusJsonl.parse(1, "{\"id\":42,\"text\":\"t\"}");
        assertEquals("{\"line\":1,\"id\":42,\"error\":\"x\"}", CorpusJsonl.write(new CorpusResult(d, null, "x")));
    }

    @Test
    void writesAnAuditedDocumentWithItsSpans() {
        CorpusDocument d = CorpusDocument.of(2, "doc \"2\"", "books", "ignored");
        DocumentAudit a = new DocumentAudit(0.875f, 5, 2, List.of(new DocumentAudit.Span(10, 42, 0.875f, "a\nb")));
        assertEquals("{\"line\":2,\"id\":\"doc \\\"2\\\"\",\"source\":\"books\",\"ai_malevolence\":0.875,"
                        + "\"windows\":5,\"windows_over\":2,\"spans\":[{\"start\":10,\"end\":42,\"score\":0.875,"
                        + "\"snippet\":\"a\\nb\"}]}",
                CorpusJsonl.write(new CorpusResult(d, a, null)));
    }

    @Test
    void writesUnpairedSurrogatesAsReplacementCharacters() {
        CorpusDocument d = CorpusDocument.unreadable(1, "x\ud800y", "bad");
        assertEquals("{\"line\":1,\"id\":\"x\ufffdy\",\"error\":\"bad\"}",
                CorpusJsonl.write(new CorpusResult(d, null, "bad")));
    }

    @Test
    void turnsEveryKindOfBadLineIntoAnErrorThatKeepsTheId() {
        assertEquals("malformed JSON: Unexpected end-of-input: was expecting closing quote for a string value at "
                + "column 22", CorpusJsonl.parse(1, "{\"id\":\"k\",\"text\":\"abc").error());
        assertEquals("no \"text\" member", CorpusJsonl.parse(1, "{\"id\":\"k\"}").error());
        assertEquals("k", CorpusJsonl.parse(1, "{\"id\":\"k\"}").id());
        assertEquals("\"text\" must be a string", CorpusJsonl.parse(1, "{\"text\":3}").error());
        assertEquals("\"id\" must be a string or a number", CorpusJsonl.parse(1, "{\"id\":[1],\"text\":\"t\"}").error());
        assertEquals("\"source\" must be a string", CorpusJsonl.parse(1, "{\"text\":\"t\",\"source\":{}}").error());
        assertEquals("not a JSON object", CorpusJsonl.parse(1, "[\"text\"]").error());
        assertEquals("text after the JSON object", CorpusJsonl.parse(1, "{\"text\":\"t\"} {}").error());
        assertEquals("empty line", CorpusJsonl.parse(1, "   ").error());
        assertEquals("malformed JSON: Duplicate field 'text' at column 19",
                CorpusJsonl.parse(1, "{\"text\":\"a\",\"text\":\"b\"}").error());
    }

    @Test
    void readerNumbersLinesAndReportsOverLongOnes() throws Exception {
        String input = "{\"text\":\"a\"}\n{\"text\":\"" + "x".repeat(100) + "\"}\r\n\n{\"id\":1,\"text\":\"b\"}";
        CorpusAuditor.DocumentSource in = CorpusJsonl.reader(new BoundedLineReader(new StringReader(input), 50));
        List<CorpusDocument> docs = new ArrayList<>();
        CorpusDocument d;
        while ((d = in.next()) != null) {
            docs.add(d);
        }
        assertEquals(4, docs.size());
        assertEquals("a", docs.get(0).text());
        assertEquals("line is longer than the limit of 50 characters", docs.get(1).error());
        assertEquals("empty line", docs.get(2).error());
        assertEquals(4, docs.get(3).line());
        assertNull(docs.get(3).error());
    }
}
