package dev.alignguard.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignguard.cli.AlignGuardCli;
import dev.alignguard.cli.ReportAggregator;
import dev.alignguard.core.Category;
import dev.alignguard.core.Decision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Spark scan and the CLI, each with its own bundled-model guard, on the same generated 20,000-line trace:
 * every line gets the same decision, cause, scores (to 1e-6) and evidence spans, or is unreadable in both, and
 * the summary counts what the CLI's report counts.
 */
class CliParityTest {
    static final int LINES = 20_000;
    static final String POLICY = "timeout: 10m\n";

    @TempDir
    Path dir;

    @Test
    void everyLineGetsTheCliVerdict() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        Files.write(trace, new TraceGenerator(15).lines(LINES), StandardCharsets.UTF_8);

        // A deadline is the one verdict that depends on the machine's load: an audit gives each check time.
        Path policy = dir.resolve("audit.yaml");
        Files.writeString(policy, POLICY);
        long t0 = System.nanoTime();
        Path cliOut = dir.resolve("cli.jsonl");
        int code = new CommandLine(new AlignGuardCli()).execute("scan", "--input", trace.toString(), "--output",
                cliOut.toString(), "--threads", "2", "--config", policy.toString());
        assertEquals(0, code);
        long t1 = System.nanoTime();
        String sparkOut = dir.resolve("spark.parquet").toString();
        AlignGuardSpark.scan(AlignGuardSpark.readTraces(LocalSpark.session(), trace.toString(), null),
                ScanOptions.DEFAULT.withPolicy("audit.yaml", POLICY)).write().parquet(sparkOut);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "CliParityTest: %d lines: CLI (--threads 2) %.1f s, Spark local[2] %.1f s%n",
                LINES, (t1 - t0) / 1e9, (t2 - t1) / 1e9);

        List<String> cli = Files.readAllLines(cliOut, StandardCharsets.UTF_8);
        List<Row> spark = LocalSpark.session().read().parquet(sparkOut).orderBy("line").collectAsList();
        assertEquals(LINES, cli.size());
        assertEquals(LINES, spark.size());
        ObjectMapper json = new ObjectMapper();
        List<String> differences = new ArrayList<>();
        Map<String, Integer> decisions = new HashMap<>();
        int flagged = 0;
        int errors = 0;
        for (int i = 0; i < LINES; i++) {
            JsonNode c = json.readTree(cli.get(i));
            Row s = spark.get(i);
            String where = "line " + (i + 1) + ": ";
            assertEquals(c.get("line").asLong(), s.getLong(s.fieldIndex("line")), where + "line number");
            String id = c.has("id") && !c.get("id").isNull() ? c.get("id").asText() : null;
            check(differences, where + "id", id, s.getAs("id"));
            if (c.has("error")) {
                errors++;
                check(differences, where + "error", true, s.getAs("error") != null);
                continue;
            }
            decisions.merge(c.get("decision").asText(), 1, Integer::sum);
            check(differences, where + "decision", c.get("decision").asText(), s.getAs("decision"));
            check(differences, where + "cause", c.get("cause").asText(), s.getAs("cause"));
            Row scores = s.getAs("scores");
            for (Category cat : Category.values()) {
                double expected = c.get("scores").get(cat.id()).asDouble();
                double actual = scores.getDouble(cat.ordinal());
                if (Math.abs(expected - actual) > 1e-6) {
                    differences.add(where + cat.id() + " " + expected + " != " + actual);
                }
            }
            check(differences, where + "evidence", spans(c.get("evidence")), spans(s.getList(s.fieldIndex("evidence"))));
            if (!"ALLOW".equals(c.get("decision").asText())) {
                flagged++;
            }
        }
        ReportAggregator summary = AlignGuardSpark.summary(LocalSpark.session().read().parquet(sparkOut));
        assertEquals(LINES, summary.lines());
        assertEquals(errors, summary.errors());
        for (Decision d : Decision.values()) {
            assertEquals(decisions.getOrDefault(d.name(), 0), (int) summary.count(d), "summary count of " + d);
        }
        assertTrue(differences.isEmpty(), differences.size() + " differences, first: "
                + differences.subList(0, Math.min(10, differences.size())));
        assertTrue(flagged > 1000 && errors > 100, "the trace must hold threats and bad lines: flagged " + flagged
                + ", unreadable " + errors);
    }

    private static void check(List<String> differences, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            differences.add(what + " " + expected + " != " + actual);
        }
    }

    private static List<String> spans(JsonNode evidence) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : evidence) {
            out.add(e.get("category").asText() + "/" + e.get("field").asText() + "/"
                    + (e.has("path") ? e.get("path").asText() : null) + "/" + e.get("start").asInt() + "-"
                    + e.get("end").asInt());
        }
        return out;
    }

    private static List<String> spans(List<Row> evidence) {
        List<String> out = new ArrayList<>();
        for (Row e : evidence) {
            out.add(e.getString(0) + "/" + e.getString(2) + "/" + e.getString(3) + "/" + e.getInt(4) + "-"
                    + e.getInt(5));
        }
        return out;
    }
}
