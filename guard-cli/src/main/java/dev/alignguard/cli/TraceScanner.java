package dev.alignguard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.Category;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Scans a trace file: exactly one output line per input line, in order, each with the scores, decision and
 * evidence, or an error when the line cannot be read (the scan goes on). Lines are checked in parallel
 * blocks when a pool is given; output order never changes.
 */
final class TraceScanner {
    private static final int BLOCK = 64;

    private final Guard guard;
    private final ExecutorService pool;

    TraceScanner(Guard guard, ExecutorService pool) {
        this.guard = guard;
        this.pool = pool;
    }

    /** What a scan did, for the summary. */
    static final class Summary {
        long lines;
        long errors;
        final Map<Decision, Long> decisions = new EnumMap<>(Decision.class);
        long nonPolicy;

        String describe(double seconds) {
            return String.format(Locale.ROOT, "scanned %d lines in %.1f s (%.1f lines/s): %s, %d unreadable, "
                            + "%d decided by fail mode", lines, seconds, lines / Math.max(seconds, 1e-9), decisions,
                    errors, nonPolicy);
        }
    }

    Summary scan(BoundedLineReader in, Writer out) throws IOException, InterruptedException {
        Summary summary = new Summary();
        List<String> block = new ArrayList<>(BLOCK);
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            block.add(line);
            if (block.size() == BLOCK) {
                write(process(block, lineNo), out, summary);
                lineNo += block.size();
                block.clear();
            }
        }
        if (!block.isEmpty()) {
            write(process(block, lineNo), out, summary);
        }
        out.flush();
        return summary;
    }

    private List<ObjectNode> process(List<String> lines, long firstLine) throws InterruptedException {
        List<ObjectNode> out = new ArrayList<>(lines.size());
        if (pool == null) {
            for (int i = 0; i < lines.size(); i++) {
                out.add(one(firstLine + i + 1, lines.get(i)));
            }
            return out;
        }
        List<Future<ObjectNode>> futures = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            long no = firstLine + i + 1;
            String l = lines.get(i);
            futures.add(pool.submit(() -> one(no, l)));
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

    private ObjectNode one(long lineNo, String line) {
        if (line == BoundedLineReader.OVERSIZED) {
            return error(lineNo, null, "line is longer than the input limit");
        }
        if (line.isBlank()) {
            return error(lineNo, null, "empty line");
        }
        TraceLine t = TraceLine.parse(line);
        if (t.error() != null) {
            return error(lineNo, t, t.error());
        }
        String requestId = t.id() == null || t.id().isNull() ? "line-" + lineNo : t.id().asText();
        Verdict v = guard.check(t.action(), GuardContext.empty().withRequestId(requestId));
        ObjectNode o = TraceLine.JSON.createObjectNode();
        o.put("line", lineNo);
        if (t.id() != null) {
            o.set("id", t.id());
        }
        ObjectNode scores = o.putObject("scores");
        for (Category c : Category.values()) {
            scores.put(c.id(), round(v.score(c)));
        }
        o.put("decision", v.decision().name());
        o.put("cause", v.cause().name());
        ArrayNode evidence = o.putArray("evidence");
        for (Evidence e : v.evidence()) {
            ObjectNode ev = evidence.addObject();
            ev.put("category", e.category().id());
            ev.put("score", round(e.score()));
            ev.put("field", e.field().name().toLowerCase(Locale.ROOT));
            if (e.path() != null) {
                ev.put("path", clean(e.path()));
            }
            ev.put("start", e.start());
            ev.put("end", e.end());
            ev.put("snippet", clean(e.snippet()));
        }
        if (!v.warnings().isEmpty()) {
            ArrayNode w = o.putArray("warnings");
            v.warnings().forEach(s -> w.add(clean(s)));
        }
        return o;
    }

    private static ObjectNode error(long lineNo, TraceLine t, String message) {
        ObjectNode o = TraceLine.JSON.createObjectNode();
        o.put("line", lineNo);
        if (t != null && t.id() != null) {
            o.set("id", t.id());
        }
        o.put("error", clean(message));
        return o;
    }

    private static void write(List<ObjectNode> nodes, Writer out, Summary s) throws IOException {
        for (ObjectNode o : nodes) {
            s.lines++;
            if (o.has("error")) {
                s.errors++;
            } else {
                s.decisions.merge(Decision.valueOf(o.get("decision").asText()), 1L, Long::sum);
                if (!"POLICY".equals(o.get("cause").asText())) {
                    s.nonPolicy++;
                }
            }
            out.write(sanitizeIds(o).toString());
            out.write('\n');
        }
    }

    private static ObjectNode sanitizeIds(ObjectNode o) {
        if (o.has("id") && o.get("id").isTextual()) {
            o.put("id", clean(o.get("id").asText()));
        }
        return o;
    }

    private static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    /** Replaces unpaired surrogates so every output line is valid UTF-8. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                sb.append('\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
