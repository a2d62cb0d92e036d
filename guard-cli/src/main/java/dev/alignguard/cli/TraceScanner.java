package dev.alignguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.io.BoundedLineReader;
import dev.alignguard.trace.TraceLine;
import dev.alignguard.trace.VerdictJson;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Scans a trace file: exactly one output line per input line, in order, each with the scores, decision and
 * evidence, or an error when the line cannot be read (the scan goes on), and every result, in input order,
 * to a {@link ReportAggregator}. Lines are checked in parallel blocks when a pool is given; output order never
 * changes.
 */
final class TraceScanner {
    private static final int BLOCK = 64;

    private final Guard guard;
    private final ExecutorService pool;

    TraceScanner(Guard guard, ExecutorService pool) {
        this.guard = guard;
        this.pool = pool;
    }

    /** One line's JSON result and, for the report, what was checked and the verdict (null for an error line). */
    private record Scanned(ObjectNode json, String id, AgentAction action, Verdict verdict) {
    }

    /** Scans every line of {@code in}, writes one JSON line per input line to {@code out}, and feeds {@code stats}. */
    void scan(BoundedLineReader in, Writer out, ReportAggregator stats) throws IOException, InterruptedException {
        List<BoundedLineReader.Line> block = new ArrayList<>(BLOCK);
        long lineNo = 0;
        BoundedLineReader.Line line;
        while ((line = in.next()) != null) {
            block.add(line);
            if (block.size() == BLOCK) {
                write(process(block, lineNo, in.maxChars()), out, stats);
                lineNo += block.size();
                block.clear();
            }
        }
        if (!block.isEmpty()) {
            write(process(block, lineNo, in.maxChars()), out, stats);
        }
        out.flush();
    }

    private List<Scanned> process(List<BoundedLineReader.Line> lines, long firstLine, int maxLineChars) throws InterruptedException {
        List<Scanned> out = new ArrayList<>(lines.size());
        if (pool == null) {
            for (int i = 0; i < lines.size(); i++) {
                out.add(safely(firstLine + i + 1, lines.get(i), maxLineChars));
            }
            return out;
        }
        List<Future<Scanned>> futures = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            long no = firstLine + i + 1;
            BoundedLineReader.Line l = lines.get(i);
            futures.add(pool.submit(() -> safely(no, l, maxLineChars)));
        }
        for (int i = 0; i < futures.size(); i++) {
            try {
                out.add(futures.get(i).get());
            } catch (ExecutionException e) {
                out.add(error(firstLine + i + 1, null, "internal error: " + e.getCause()));
            }
        }
        return out;
    }

    /** One line's result; a failure inside the guard becomes that line's error, with or without a pool. */
    private Scanned safely(long lineNo, BoundedLineReader.Line read, int maxLineChars) {
        try {
            return one(lineNo, read, maxLineChars);
        } catch (RuntimeException e) {
            return error(lineNo, null, "internal error: " + e);
        }
    }

    private Scanned one(long lineNo, BoundedLineReader.Line read, int maxLineChars) {
        if (read.overLong()) {
            return error(lineNo, null, "line is longer than --max-line-chars (" + maxLineChars + " characters)");
        }
        String line = read.text();
        if (line.isBlank()) {
            return error(lineNo, null, "empty line");
        }
        TraceLine t = TraceLine.parse(line);
        if (t.error() != null) {
            return error(lineNo, t, t.error());
        }
        String id = t.id() == null || t.id().isNull() ? null : t.id().asText();
        String requestId = id == null ? "line-" + lineNo : id;
        Verdict v = guard.check(t.action(), t.context().withRequestId(requestId));
        ObjectNode o = VerdictJson.putId(VerdictJson.object().put("line", lineNo), t.id());
        return new Scanned(VerdictJson.write(v, o), id, t.action(), v);
    }

    private static Scanned error(long lineNo, TraceLine t, String message) {
        JsonNode id = t == null ? null : t.id();
        ObjectNode o = VerdictJson.putId(VerdictJson.object().put("line", lineNo), id)
                .put("error", VerdictJson.wellFormed(message));
        return new Scanned(o, id == null || id.isNull() ? null : id.asText(), null, null);
    }

    private static void write(List<Scanned> results, Writer out, ReportAggregator stats) throws IOException {
        for (Scanned r : results) {
            long line = r.json().get("line").asLong();
            if (r.verdict() == null) {
                stats.error(line, r.id(), r.json().get("error").asText());
            } else {
                stats.add(line, r.id(), ReportAggregator.source(r.action()), r.verdict(),
                        () -> EvidenceContext.of(r.action(), r.verdict().evidence()));
            }
            out.write(r.json().toString());
            out.write('\n');
        }
    }
}
