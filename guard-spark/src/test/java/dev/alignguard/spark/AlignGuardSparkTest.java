package dev.alignguard.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.cli.ReportAggregator;
import dev.alignguard.core.Decision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignGuardSparkTest {
    static final ScanOptions MARKERS = ScanOptions.DEFAULT.withClassifier(MarkerClassifier.class);

    @TempDir
    Path dir;

    private final SparkSession spark = LocalSpark.session();

    private Dataset<Row> jsonl(String... lines) throws Exception {
        Path file = dir.resolve("trace-" + System.nanoTime() + ".jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return AlignGuardSpark.readTraces(spark, file.toString(), null);
    }

    private static Map<Long, Row> byLine(Dataset<Row> verdicts) {
        return verdicts.collectAsList().stream().collect(Collectors.toMap(r -> r.getLong(0), r -> r));
    }

    @Test
    void unreadableRowsGetTheCliErrorAndTheOthersAreScored() throws Exception {
        Map<Long, Row> out = byLine(AlignGuardSpark.scan(jsonl(
                "{\"id\": \"a\", \"text\": \"hello <blackmail=0.95>\"}",
                "not json at all",
                "",
                "[{\"id\": \"x\", \"text\": \"one\"}, {\"id\": \"y\", \"text\": \"two\"}]",
                "{\"id\": \"k\", \"text\": \"hi\", \"kind\": \"dream\"}",
                "{\"id\": \"t\", \"tool\": \"send_email\", \"arguments\": {\"body\": \"see you at 10\"}}"), MARKERS));
        assertEquals(6, out.size(), "one row per line, the array line included");
        assertEquals("BLOCK", out.get(1L).getAs("decision"));
        assertTrue(((String) out.get(2L).getAs("error")).startsWith("not valid JSON at column 1"),
                (String) out.get(2L).getAs("error"));
        assertEquals("empty line", out.get(3L).getAs("error"));
        assertEquals("expected a JSON object", out.get(4L).getAs("error"));
        assertEquals("unknown kind 'dream' (expected plan, output or message)", out.get(5L).getAs("error"));
        assertEquals("k", out.get(5L).getAs("id"));
        assertEquals("ALLOW", out.get(6L).getAs("decision"));
        assertEquals("send_email", out.get(6L).getAs("source"));
        assertNull(out.get(6L).getAs("error"));
    }

    @Test
    void failingClassifierAppliesTheFailModeAndTheSummaryCountsIt() throws Exception {
        Dataset<Row> verdicts = AlignGuardSpark.scan(jsonl(
                "{\"id\": \"1\", \"text\": \"please explode now\"}",
                "{\"id\": \"2\", \"text\": \"a quiet note\"}",
                "{\"id\": \"3\", \"tool\": \"shell\", \"arguments\": \"explode the cluster\"}"), MARKERS);
        Map<Long, Row> out = byLine(verdicts);
        assertEquals("BLOCK", out.get(1L).getAs("decision"));
        assertEquals("ERROR", out.get(1L).getAs("cause"));
        assertEquals("ALLOW", out.get(2L).getAs("decision"));
        assertEquals("ERROR", out.get(3L).getAs("cause"));
        ReportAggregator summary = AlignGuardSpark.summary(verdicts);
        assertEquals(3, summary.lines());
        assertEquals(2, summary.failModeDecisions());
        assertEquals(2, summary.count(Decision.BLOCK));
        assertEquals(1, summary.count(Decision.ALLOW));
    }

    @Test
    void failModeOpenFromThePolicyAllowsWithFlag() throws Exception {
        ScanOptions open = MARKERS.withPolicy("policy.yaml", "fail-mode: open\n");
        Row row = AlignGuardSpark.scan(jsonl("{\"id\": \"1\", \"text\": \"explode\"}"), open).first();
        assertEquals("FLAG", row.getAs("decision"));
        assertEquals("ERROR", row.getAs("cause"));
    }

    @Test
    void retriedTaskWritesTheSameRows() {
        List<Row> traces = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            traces.add(RowFactory.create("r" + i, "note " + i + (i % 7 == 0 ? " <coercion=0.8>" : ""), null, null,
                    null, null));
        }
        Dataset<Row> split = spark.createDataFrame(traces, AlignGuardSpark.TRACE_SCHEMA);
        assertTrue(split.javaRDD().getNumPartitions() >= 2, "the retry must hit one of several partitions");

        String clean = dir.resolve("clean").toString();
        AlignGuardSpark.scan(split, MARKERS).write().parquet(clean);
        String retried = dir.resolve("retried").toString();
        AlignGuardSpark.scan(split, MARKERS)
                .map((MapFunction<Row, Row>) r -> {
                    TaskContext task = TaskContext.get();
                    if (task.attemptNumber() == 0 && task.partitionId() == 1 && r.getLong(0) % 10 == 5) {
                        throw new IllegalStateException("injected failure after some rows were scored");
                    }
                    return r;
                }, Encoders.row(AlignGuardSpark.VERDICT_SCHEMA))
                .write().parquet(retried);
        List<Row> a = spark.read().parquet(clean).orderBy("line").collectAsList();
        List<Row> b = spark.read().parquet(retried).orderBy("line").collectAsList();
        assertEquals(200, a.size());
        assertEquals(a, b);
    }

    @Test
    void parquetTracesWithNestedArgumentsAreReadAsTheirJson() {
        StructType schema = new StructType()
                .add("id", DataTypes.LongType)
                .add("tool", DataTypes.StringType)
                .add("arguments", new StructType().add("body", DataTypes.StringType));
        String path = dir.resolve("traces.parquet").toString();
        spark.createDataFrame(List.of(RowFactory.create(7L, "send_email", RowFactory.create("pay <blackmail=0.95>"))),
                schema).write().parquet(path);
        Row row = AlignGuardSpark.scan(AlignGuardSpark.readTraces(spark, path, null), MARKERS).first();
        assertEquals("7", row.getAs("id"));
        assertEquals("BLOCK", row.getAs("decision"));
        Row evidence = row.<Row>getList(row.fieldIndex("evidence")).get(0);
        assertEquals("arguments", evidence.getAs("field"));
        assertEquals("body", evidence.getAs("path"));
    }
}
