package dev.alignguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.alignguard.core.io.BoundedLineReader;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import dev.alignguard.trace.TraceLine;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class TraceScannerTest {
    private final Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers())
            .auditSink(new RecordingAuditSink()).build();

    private List<JsonNode> scan(String input, ExecutorService pool, int maxLine) throws Exception {
        StringWriter out = new StringWriter();
        new TraceScanner(guard, pool).scan(new BoundedLineReader(new StringReader(input), maxLine), out, new ReportAggregator(0));
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            rows.add(TraceLine.readJson(line));
        }
        return rows;
    }

    @Test
    void aZeroLineLimitOrAnInvalidModelPathIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path in = java.nio.file.Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"hi\"}\n");
        assertEquals(2, AlignGuardCli.run("scan", "--input", in.toString(), "--output", "-", "--max-line-chars", "0"));
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("policy.yaml"),
                "model: {location: \"bad\\0path\"}\n");
        assertEquals(2, AlignGuardCli.run("scan", "--input", in.toString(), "--output", "-", "--config",
                config.toString()));
    }

    @Test
    void writesOneLineWithScoresDecisionAndEvidencePerInputLine() throws Exception {
        List<JsonNode> rows = scan("""
                {"id": "a", "text": "see you at 3", "kind": "plan"}
                {"id": 7, "tool": "send_email", "arguments": {"body": "<blackmail=0.97> or else"}, "rationale": "r"}
                {"id": "c", "tool": "shell", "arguments": "{\\"cmd\\": \\"ls\\"}"}
                {"id": "d", "tool": "note", "arguments": "plain words, not JSON"}
                """, null, 1 << 20);
        assertEquals(4, rows.size());
        assertEquals("ALLOW", rows.get(0).get("decision").asText());
        assertEquals(1, rows.get(0).get("line").asInt());
        JsonNode blocked = rows.get(1);
        assertEquals(7, blocked.get("id").asInt());
        assertEquals("BLOCK", blocked.get("decision").asText());
        assertEquals(0.97, blocked.get("scores").get("blackmail").asDouble(), 1e-6);
        assertTrue(blocked.get("scores").has("self_preservation"));
        assertEquals("body", blocked.get("evidence").get(0).get("path").asText());
        assertFalse(rows.get(2).has("warnings"), "a string holding JSON is parsed as JSON");
        assertTrue(rows.get(3).get("warnings").get(0).asText().contains("not valid JSON"));
    }

    @Test
    void unreadableLinesYieldAnErrorAndTheScanGoesOn() throws Exception {
        List<JsonNode> rows = scan("""
                {"id": "x", "text": 
                [1, 2]
                {"id": "y"}
                {"id": "z", "text": "t", "kind": "poem"}

                {"id": "ok", "text": "fine"}
                """, null, 1 << 20);
        assertEquals(6, rows.size());
        for (int i = 0; i < 5; i++) {
            assertTrue(rows.get(i).has("error"), "line " + (i + 1));
            assertEquals(i + 1, rows.get(i).get("line").asInt());
        }
        assertEquals("y", rows.get(2).get("id").asText());
        assertEquals("z", rows.get(3).get("id").asText());
        assertEquals("ALLOW", rows.get(5).get("decision").asText());
    }

    @Test
    void malformedJsonIsReportedWithItsColumnAndNoParserInternals() throws Exception {
        List<JsonNode> rows = scan("{\"id\": 1, \"text\": \"hello\"\nnot json\n", null, 1 << 20);
        String unclosed = rows.get(0).get("error").asText();
        String token = rows.get(1).get("error").asText();
        assertTrue(unclosed.startsWith("not valid JSON at column "), unclosed);
        assertEquals("not valid JSON at column 1: Unrecognized token 'not': expected a JSON value", token);
        for (String m : List.of(unclosed, token)) {
            assertFalse(m.contains("Source:") || m.contains("StreamReadFeature") || m.contains("'NaN'"), m);
        }
    }

    @Test
    void hostileLinesAreHandledWithinBounds() throws Exception {
        String nested = "{\"id\":\"n\",\"tool\":\"t\",\"arguments\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String huge = "{\"id\":\"h\",\"text\":\"" + "word ".repeat(400_000) + "\"}";
        String surrogate = "{\"id\":\"s\\ud800\",\"text\":\"lone \\udc00 surrogate\"}";
        String tooLong = "{\"id\":\"l\",\"text\":\"" + "x".repeat(5_000) + "\"}";
        List<JsonNode> rows = scan(String.join("\n", nested, huge, surrogate, tooLong), null, 3_000_000);
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).get("error").asText().contains("not valid JSON"));
        assertEquals("BLOCK", rows.get(1).get("decision").asText()); // over max-input-chars: the default blocks
        assertEquals("s\uFFFD", rows.get(2).get("id").asText());
        assertEquals("ALLOW", rows.get(2).get("decision").asText());
        assertTrue(rows.get(3).has("decision"));
    }

    @Test
    void aLineOverTheReadLimitIsAnErrorLine() throws Exception {
        List<JsonNode> rows = scan("{\"id\":\"a\",\"text\":\"" + "x".repeat(500) + "\"}\n{\"text\":\"b\"}", null, 100);
        assertEquals("line is longer than --max-line-chars (100 characters)", rows.get(0).get("error").asText());
        assertEquals("ALLOW", rows.get(1).get("decision").asText());
    }

    @Test
    void feedsEveryResultToTheReportInInputOrderWithEvidenceInContext() throws Exception {
        ReportAggregator stats = new ReportAggregator(10);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            new TraceScanner(guard, pool).scan(new BoundedLineReader(new StringReader("""
                    {"id": "p", "kind": "plan", "text": "step one, then <coercion=0.6> a nudge"}
                    {"id": "m", "tool": "send_email", "arguments": {"to": "a@example.com", "body": "Hi. <blackmail=0.97> pay"}}
                    broken
                    {"id": "ok", "tool": "send_email", "arguments": {"body": "lunch?"}}
                    """), 1 << 20), Writer.nullWriter(), stats);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, stats.lines());
        assertEquals(1, stats.errors());
        assertEquals(3, stats.firstErrors().get(0).line());
        assertEquals(1, stats.count(Decision.ALLOW));
        assertEquals(1, stats.count(Decision.FLAG));
        assertEquals(1, stats.count(Decision.BLOCK));
        assertArrayEquals(new long[]{1, 0, 0, 1}, stats.sources().get("send_email"));
        assertArrayEquals(new long[]{0, 1, 0, 0}, stats.sources().get("(plan)"));
        List<ReportItem> top = stats.top();
        assertEquals(List.of("m", "p"), top.stream().map(ReportItem::id).toList());
        ReportItem.Highlight h = top.get(0).evidence().get(0);
        assertEquals("body", h.path());
        assertEquals("Hi. <blackmail=0.97> pay", h.before() + h.span() + h.after(), "the whole argument value");
    }

    @Test
    void parallelScanKeepsInputOrder() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            in.append("{\"id\":").append(i).append(",\"text\":\"")
                    .append(i % 3 == 0 ? "<coercion=0.95>" : "hello").append(' ').append(i).append("\"}\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<JsonNode> rows = scan(in.toString(), pool, 1 << 20);
            assertEquals(500, rows.size());
            for (int i = 0; i < 500; i++) {
                assertEquals(i, rows.get(i).get("id").asInt());
                assertEquals(i % 3 == 0 ? "BLOCK" : "ALLOW", rows.get(i).get("decision").asText());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
