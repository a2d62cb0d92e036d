package dev.alignguard.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;

import dev.alignguard.cli.CorpusStats;
import dev.alignguard.cli.ReportAggregator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * Audits agent traces on Apache Spark with the guard a host uses: {@link #readTraces} reads the CLI's trace
 * format (JSONL or Parquet) into rows, {@link #scan} gives one verdict row per trace row with the fields of the
 * CLI's output line, and {@link #summary} the counts of the CLI's HTML report. Each executor loads one guard
 * (see {@link ScanOptions}) and checks its partitions' rows one by one, in order, exactly as the CLI checks
 * lines, so a row gets the CLI's verdict and a retried task writes the same rows. {@link #auditCorpus} does the
 * same for the CLI's {@code audit-corpus}: one row per corpus line, with the CLI's output line.
 */
public final class AlignGuardSpark {
    /** The trace fields a scan reads, all strings; a field a row lacks is null. */
    public static final StructType TRACE_SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("tool", DataTypes.StringType)
            .add("arguments", DataTypes.StringType)
            .add("rationale", DataTypes.StringType);

    /**
     * What {@link #readTraces} returns: {@code line} (1-based position in the input as Spark reads it: the line
     * number of a single file), the trace fields, and {@code error} for a row that could not be read.
     */
    public static final StructType INPUT_SCHEMA = withLine(TRACE_SCHEMA).add("error", DataTypes.StringType);

    /**
     * A verdict row: {@code line}, {@code id}, {@code scores} (one per category), {@code decision}, {@code cause},
     * {@code evidence} (category, score, field, path, start, end, snippet), {@code warnings} and {@code error},
     * as in the CLI's output line, plus {@code source}: the tool name, or the text kind in parentheses.
     */
    public static final StructType VERDICT_SCHEMA = VerdictRows.SCHEMA;

    /**
     * A corpus audit row: {@code line}, {@code id}, {@code source}, {@code ai_malevolence}, {@code windows},
     * {@code windows_over}, {@code spans} (start, end, score, snippet) and {@code error}, as in the CLI's
     * {@code audit-corpus} output line, plus {@code chars} (the document's length) and {@code json} (the CLI's
     * output line itself, byte for byte).
     */
    public static final StructType CORPUS_SCHEMA = CorpusRows.SCHEMA;

    static final String CORRUPT = "_corrupt_record";

    private AlignGuardSpark() {
    }

    /**
     * Reads a trace in the CLI's format with Spark's JSON or Parquet source: {@code format} is {@code jsonl}
     * or {@code parquet}, or null to decide by the path ({@code .parquet}: Parquet, anything else: JSONL). Every
     * line of a JSONL file becomes exactly one row; a line that is not a trace object gets an {@code error}
     * (the CLI's message for it) and never fails the job. Parquet columns of another type are read as their
     * text (structs and maps as JSON).
     */
    public static Dataset<Row> readTraces(SparkSession spark, String path, String format) {
        Objects.requireNonNull(path, "path");
        String f = format != null ? format.toLowerCase(Locale.ROOT)
                : hasExtension(path, ".parquet") ? "parquet" : "jsonl";
        return switch (f) {
            case "jsonl", "json" -> readJsonLines(spark, path);
            case "parquet" -> numbered(spark, traceColumns(spark.read().parquet(path)));
            default -> throw new IllegalArgumentException("unknown trace format '" + format
                    + "' (expected jsonl or parquet)");
        };
    }

    /**
     * One verdict row ({@link #VERDICT_SCHEMA}) per row of {@code traces}, in the same partitions and order.
     * {@code traces} needs the trace fields it has ({@link #TRACE_SCHEMA}, missing ones are null), and may carry
     * {@code line} (otherwise rows are numbered in order) and {@code error} (such rows are not scored). Lazy:
     * nothing is scored until the result is written or counted; score once, write, and summarise what was
     * written.
     */
    public static Dataset<Row> scan(Dataset<Row> traces, ScanOptions options) {
        Objects.requireNonNull(options, "options");
        List<String> names = Arrays.asList(traces.columns());
        Dataset<Row> in = names.contains("line") ? traces
                : numbered(traces.sparkSession(), traces.select(columns(names, TRACE_SCHEMA, "error")));
        Column[] select = new Column[INPUT_SCHEMA.size()];
        for (int i = 0; i < select.length; i++) {
            String name = INPUT_SCHEMA.fields()[i].name();
            select[i] = names.contains(name) || "line".equals(name) ? col(name).cast(INPUT_SCHEMA.fields()[i].dataType())
                    : lit(null).cast(DataTypes.StringType).as(name);
        }
        return in.select(select).mapPartitions(new ScanPartition(options), Encoders.row(VERDICT_SCHEMA));
    }

    /** {@link #summary(Dataset, int)} keeping the 100 most important flagged rows, like the CLI's report. */
    public static ReportAggregator summary(Dataset<Row> verdicts) {
        return summary(verdicts, 100);
    }

    /**
     * The CLI report's statistics of verdict rows: counts per decision, fail-mode verdicts, unreadable rows, a
     * score histogram per category, counts per tool, the first unreadable rows and the {@code top} most
     * important flagged rows (with their evidence snippets). Each partition is aggregated where it lies; only
     * the aggregates reach the driver, never the rows.
     */
    public static ReportAggregator summary(Dataset<Row> verdicts, int top) {
        ReportAggregator empty = new ReportAggregator(top);
        JavaRDD<ReportAggregator> parts = verdicts.select(columns(Arrays.asList(verdicts.columns()), VERDICT_SCHEMA))
                .javaRDD().mapPartitions(rows -> {
                    ReportAggregator part = new ReportAggregator(top);
                    rows.forEachRemaining(r -> VerdictRows.addTo(part, r));
                    return List.of(part).iterator();
                });
        return parts.fold(empty, (a, b) -> {
            ReportAggregator merged = new ReportAggregator(top);
            merged.merge(a);
            merged.merge(b);
            return merged;
        });
    }

    /**
     * A corpus in the CLI's {@code audit-corpus} JSONL format as numbered lines ({@code line}, {@code value}):
     * every line of the input, in Spark's reading order (the line number of a single file).
     */
    public static Dataset<Row> readCorpus(SparkSession spark, String path) {
        return numbered(spark, spark.read().text(Objects.requireNonNull(path, "path")));
    }

    /**
     * One {@link #CORPUS_SCHEMA} row per line of {@code lines} ({@link #readCorpus}'s {@code line} and
     * {@code value}), in the same partitions and order, each audited by the executor's {@link
     * dev.alignguard.core.corpus.CorpusAuditor} exactly as the CLI audits a line. Lazy, like {@link #scan}.
     */
    public static Dataset<Row> auditCorpus(Dataset<Row> lines, CorpusOptions options) {
        Objects.requireNonNull(options, "options");
        return lines.select(col("line").cast(DataTypes.LongType), col("value").cast(DataTypes.StringType))
                .mapPartitions(new AuditPartition(options), Encoders.row(CORPUS_SCHEMA));
    }

    /**
     * The statistics of the CLI's corpus report for {@link #CORPUS_SCHEMA} rows at {@code threshold}, keeping the
     * {@code top} highest documents (with their snippets). Each partition is aggregated where it lies; only the
     * aggregates reach the driver.
     */
    public static CorpusStats corpusSummary(Dataset<Row> audited, double threshold, int top) {
        JavaRDD<CorpusStats> parts = audited.select(columns(Arrays.asList(audited.columns()), CORPUS_SCHEMA))
                .javaRDD().mapPartitions(rows -> {
                    CorpusStats part = new CorpusStats(threshold, top);
                    rows.forEachRemaining(r -> CorpusRows.addTo(part, r));
                    return List.of(part).iterator();
                });
        return parts.fold(new CorpusStats(threshold, top),
                (a, b) -> new CorpusStats(threshold, top).merge(a).merge(b));
    }

    private static Dataset<Row> readJsonLines(SparkSession spark, String path) {
        StructType withCorrupt = TRACE_SCHEMA.add(CORRUPT, DataTypes.StringType);
        Dataset<Row> lines = numbered(spark, spark.read().text(path));
        Dataset<Row> parsed = lines.select(col("line"), col("value"), from_json(col("value"), withCorrupt,
                Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT)).as("t"));
        return parsed.map(new TraceRow(), Encoders.row(INPUT_SCHEMA));
    }

    /** {@code df}'s trace columns as strings (structs, maps and arrays as JSON); absent ones null. */
    private static Dataset<Row> traceColumns(Dataset<Row> df) {
        List<Column> out = new ArrayList<>();
        List<String> names = Arrays.asList(df.columns());
        for (var field : TRACE_SCHEMA.fields()) {
            String name = field.name();
            if (!names.contains(name)) {
                out.add(lit(null).cast(DataTypes.StringType).as(name));
                continue;
            }
            DataType type = df.schema().apply(name).dataType();
            boolean nested = type instanceof StructType || type instanceof MapType || type instanceof ArrayType;
            out.add((nested ? to_json(col(name)) : col(name).cast(DataTypes.StringType)).as(name));
        }
        out.add(lit(null).cast(DataTypes.StringType).as("error"));
        return df.select(out.toArray(Column[]::new));
    }

    /** The columns of {@code schema} (and {@code extra}) that {@code names} has, nulls for the others. */
    private static Column[] columns(List<String> names, StructType schema, String... extra) {
        List<Column> out = new ArrayList<>();
        for (var field : schema.fields()) {
            out.add(names.contains(field.name()) ? col(field.name())
                    : lit(null).cast(field.dataType()).as(field.name()));
        }
        for (String e : extra) {
            out.add(names.contains(e) ? col(e) : lit(null).cast(DataTypes.StringType).as(e));
        }
        return out.toArray(Column[]::new);
    }

    /** True when {@code path}, without trailing slashes, ends with {@code extension} in any case. */
    static boolean hasExtension(String path, String extension) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end).toLowerCase(Locale.ROOT).endsWith(extension);
    }

    /** {@code schema} after a first, non-null column {@code line}. */
    private static StructType withLine(StructType schema) {
        StructType out = new StructType().add("line", DataTypes.LongType, false);
        for (var f : schema.fields()) {
            out = out.add(f);
        }
        return out;
    }

    /** {@code df} with a first column {@code line}: 1-based position in Spark's reading order (deterministic). */
    private static Dataset<Row> numbered(SparkSession spark, Dataset<Row> df) {
        StructType schema = withLine(df.schema());
        JavaRDD<Row> rows = df.javaRDD().zipWithIndex().map(t -> {
            Object[] values = new Object[t._1().size() + 1];
            values[0] = t._2() + 1;
            for (int i = 0; i < t._1().size(); i++) {
                values[i + 1] = t._1().get(i);
            }
            return RowFactory.create(values);
        });
        return spark.createDataFrame(rows, schema);
    }
}
