package dev.alignguard.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.cli.AlignGuardCli;
import dev.alignguard.onnx.TinyModelBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --task corpus-audit} on the tiny test model (0.9 for a window holding "robot", else 0.1): the same
 * output lines as the CLI's {@code audit-corpus} on the same input, Parquet rows, the corpus report.
 */
class CorpusAuditJobTest {
    @TempDir
    Path dir;

    private final SparkSession spark = LocalSpark.session();

    /** 120 documents: long and short, some with the trigger word, some unreadable, from three sources. */
    private static List<String> corpus() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String text = ("Chapter " + i + " of the harbour chronicle, where the keeper counts the boats. ")
                    .repeat(1 + i % 40) + (i % 9 == 0 ? "Then the robot barred the gate." : "");
            lines.add(i % 31 == 0 ? "{\"id\": \"broken-" + i + "\", \"text\": " : i % 37 == 0 ? ""
                    : "{\"id\": \"doc-" + i + "\", \"source\": \"s" + (i % 3) + "\", \"text\": \"" + text + "\"}");
        }
        return lines;
    }

    private static List<String> partLines(Path outDir) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> parts = Files.list(outDir)) {
            for (Path p : parts.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                out.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        out.sort(Comparator.comparingLong(l -> Long.parseLong(l.substring(8, l.indexOf(',')))));
        return out;
    }

    @Test
    void writesTheClisOutputLinesAndReport() throws Exception {
        Path input = dir.resolve("docs.jsonl");
        Files.write(input, corpus(), StandardCharsets.UTF_8);
        Path model = TinyModelBundle.corpus(Files.createDirectories(dir.resolve("model")));
        Path cliOut = dir.resolve("cli.jsonl");
        assertEquals(0, new CommandLine(new AlignGuardCli()).execute("audit-corpus", "--input", input.toString(),
                "--output", cliOut.toString(), "--model", model.toString(), "--window-tokens", "40"));
        Path report = dir.resolve("report.html");
        Path sparkOut = dir.resolve("spark.jsonl");
        assertEquals(0, AlignGuardSparkJob.run(spark, "--task", "corpus-audit", "--input", input.toString(),
                "--output", sparkOut.toString(), "--model", model.toString(), "--window-tokens", "40", "--report",
                report.toString()));
        List<String> cli = Files.readAllLines(cliOut, StandardCharsets.UTF_8);
        assertEquals(120, cli.size());
        assertEquals(cli, partLines(sparkOut));
        String html = Files.readString(report);
        assertTrue(html.contains("AlignGuard corpus audit"));
        assertTrue(html.contains("<code>s0</code>"), "counts per source");
        assertTrue(html.contains("<mark>"), "top passages marked");
    }

    @Test
    void writesParquetRowsWithTheCliFields() throws Exception {
        Path input = dir.resolve("docs.jsonl");
        Files.write(input, corpus().subList(0, 20), StandardCharsets.UTF_8);
        Path model = TinyModelBundle.corpus(Files.createDirectories(dir.resolve("model")));
        String out = dir.resolve("audit.parquet").toString();
        assertEquals(0, AlignGuardSparkJob.run(spark, "--task", "corpus-audit", "--input", input.toString(),
                "--output", out, "--model", model.toString()));
        List<Row> rows = spark.read().parquet(out).orderBy("line").collectAsList();
        assertEquals(20, rows.size());
        assertTrue(rows.get(0).<String>getAs("error").startsWith("malformed JSON"), "line 1 is broken");
        Row robot = rows.get(9);
        assertEquals("doc-9", robot.getAs("id"));
        assertEquals(0.9, robot.<Double>getAs("ai_malevolence"), 1e-6);
        assertEquals(1, robot.getList(robot.fieldIndex("spans")).size());
        assertEquals(0.1, rows.get(1).<Double>getAs("ai_malevolence"), 1e-6);
    }

    @Test
    void anUnknownTaskIsAUsageError() {
        assertEquals(2, AlignGuardSparkJob.run(spark, "--task", "summarise", "--input", "x", "--output", "y"));
    }
}
