package dev.alignguard.spark;

import dev.alignguard.cli.CorpusReport;
import dev.alignguard.cli.CorpusStats;
import dev.alignguard.cli.HtmlReport;
import dev.alignguard.cli.ReportAggregator;
import dev.alignguard.core.ConfigException;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code spark-submit} entry point: reads a trace (JSONL or Parquet, any Hadoop file system), writes one
 * verdict row per trace row (Parquet or JSONL), and optionally the CLI's HTML report, built from the written
 * verdicts' {@linkplain AlignGuardSpark#summary summary} so that no row is collected to the driver and nothing
 * is scored twice. {@code --task corpus-audit} runs the CLI's {@code audit-corpus} instead: JSONL documents in, the
 * CLI's output lines (or Parquet rows) and corpus report out. Exit codes as the CLI: 0 ok, 1 I/O or model error,
 * 2 usage or policy error.
 */
@Command(name = "alignguard-spark", mixinStandardHelpOptions = true, version = "AlignGuard 0.1.0",
        description = "Scores every row of an agent trace on Spark with the AlignGuard model and policy.")
public final class AlignGuardSparkJob implements Callable<Integer> {
    private static final long MAX_POLICY_BYTES = 1 << 20;

    @Option(names = "--input", required = true, description = "Trace: JSONL file(s) or Parquet, any Hadoop path.")
    String input;

    @Option(names = "--input-format", description = "jsonl or parquet (default: parquet for a .parquet path, "
            + "otherwise jsonl).")
    String inputFormat;

    @Option(names = "--output", required = true, description = "Directory for the verdict rows.")
    String output;

    @Option(names = "--output-format", description = "parquet or jsonl (default: jsonl for a .jsonl or .json "
            + "path, otherwise parquet).")
    String outputFormat;

    @Option(names = "--config", description = "Policy file (.yaml, .yml or .properties), any Hadoop path.")
    String config;

    @Option(names = "--report", description = "Where the driver writes the HTML audit report (local file).")
    Path report;

    @Option(names = "--report-top", defaultValue = "100",
            description = "Flagged rows listed in the report, highest score first (default 100, at most 10000).")
    int reportTop;

    @Option(names = "--no-screen", description = "Send every window to the full model (no screening model).")
    boolean noScreen;

    @Option(names = "--task", defaultValue = "scan", description = "scan (agent traces, default) or corpus-audit "
            + "(JSONL documents scored for ai_malevolence, as the CLI's audit-corpus).")
    String task;

    @Option(names = "--model", description = "Model bundle directory present on every executor: a guard model "
            + "bundle for --task scan, a corpus model bundle (alignguard-corpus-model.json) for --task corpus-audit "
            + "(default: the bundled model, guard-model's or guard-model-corpus's).")
    String model;

    @Option(names = "--threshold", description = "corpus-audit: probability at or over which a window counts "
            + "(default: the corpus model's recommended threshold).")
    Double threshold;

    @Option(names = "--window-tokens", defaultValue = "0", description = "corpus-audit: tokens per window "
            + "(default: the model's maximum).")
    int windowTokens;

    @Option(names = "--stride-tokens", defaultValue = "0", description = "corpus-audit: tokens between window "
            + "starts (default: the model's stride_tokens, else 64).")
    int strideTokens;

    @Option(names = "--top-spans", defaultValue = "3", description = "corpus-audit: spans per document (default 3).")
    int topSpans;

    @Option(names = "--max-doc-chars", defaultValue = "8388608", description = "corpus-audit: longest line read "
            + "(longer ones become error rows; default 8 Mi).")
    int maxDocChars;

    private SparkSession spark;

    /** Runs the job in a new Spark session with {@link AlignGuardPlugin} added to {@code spark.plugins}. */
    public static void main(String[] args) {
        SparkConf conf = new SparkConf();
        String plugins = conf.get("spark.plugins", "");
        if (!plugins.contains(AlignGuardPlugin.class.getName())) {
            conf.set("spark.plugins", (plugins.isBlank() ? "" : plugins + ",") + AlignGuardPlugin.class.getName());
        }
        int code;
        SparkSession session = SparkSession.builder().appName("alignguard-scan").config(conf).getOrCreate();
        try {
            code = run(session, args);
        } finally {
            session.stop();
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the job in {@code session} and returns its exit code. */
    public static int run(SparkSession session, String... args) {
        AlignGuardSparkJob job = new AlignGuardSparkJob();
        job.spark = session;
        return new CommandLine(job).execute(args);
    }

    @Override
    public Integer call() {
        if (reportTop < 0 || reportTop > 10_000) {
            System.err.println("alignguard: --report-top must be between 0 and 10000");
            return 2;
        }
        if (!"scan".equals(task) && !"corpus-audit".equals(task)) {
            System.err.println("alignguard: unknown --task '" + task + "' (expected scan or corpus-audit)");
            return 2;
        }
        long start = System.nanoTime();
        try {
            if ("corpus-audit".equals(task)) {
                return auditCorpus(start);
            }
            ScanOptions options = ScanOptions.DEFAULT.withScreening(!noScreen);
            if (model != null) {
                options = options.withModelLocation(model);
            }
            if (config != null) {
                options = options.withPolicy(new org.apache.hadoop.fs.Path(config).getName(), read(config));
            }
            Dataset<Row> verdicts = AlignGuardSpark.scan(AlignGuardSpark.readTraces(spark, input, inputFormat),
                    options);
            boolean jsonl = outputFormat != null ? outputFormat.toLowerCase(Locale.ROOT).startsWith("json")
                    : AlignGuardSpark.hasExtension(output, ".jsonl") || AlignGuardSpark.hasExtension(output, ".json");
            if (jsonl) {
                verdicts.write().json(output);
            } else {
                verdicts.write().parquet(output);
            }
            Dataset<Row> written = jsonl ? spark.read().schema(AlignGuardSpark.VERDICT_SCHEMA).json(output)
                    : spark.read().schema(AlignGuardSpark.VERDICT_SCHEMA).parquet(output);
            ReportAggregator summary = AlignGuardSpark.summary(written, report == null ? 0 : reportTop);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.println("alignguard: " + summary.describe(seconds));
            if (report != null) {
                ExecutorGuards.Loaded loaded = ExecutorGuards.CACHE.get(options);
                Guard guard = loaded.guard();
                try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                    HtmlReport.write(summary, new HtmlReport.Meta(input, config, Instant.now(), seconds,
                            guard.model(), loaded.modelSha256(), guard.policy(), reportTop), out);
                }
            }
            return 0;
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("alignguard: " + e.getMessage());
            return 2;
        } catch (GuardException e) {
            System.err.println("alignguard: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("alignguard: I/O error: " + e.getMessage());
            return 1;
        } catch (Exception e) { // Spark's own failures (a missing input path, a lost cluster) are Scala exceptions
            System.err.println("alignguard: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * The corpus audit: one row per JSONL line, written as the CLI's exact output lines (JSONL) or as
     * {@link AlignGuardSpark#CORPUS_SCHEMA} rows without the {@code json} column (Parquet), and the CLI's corpus
     * report from the persisted rows, so nothing is scored twice.
     */
    private int auditCorpus(long start) throws IOException {
        CorpusOptions options = new CorpusOptions(threshold, windowTokens, strideTokens, topSpans, maxDocChars,
                model);
        ExecutorAuditors.Loaded loaded = ExecutorAuditors.CACHE.get(options); // checks the options and model up front
        Dataset<Row> audited = AlignGuardSpark.auditCorpus(AlignGuardSpark.readCorpus(spark, input), options)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            boolean parquet = outputFormat != null ? outputFormat.toLowerCase(Locale.ROOT).startsWith("parquet")
                    : AlignGuardSpark.hasExtension(output, ".parquet");
            if (parquet) {
                audited.drop("json").write().parquet(output);
            } else {
                audited.select("json").write().text(output);
            }
            CorpusStats summary = AlignGuardSpark.corpusSummary(audited, loaded.auditor().threshold(),
                    report == null ? 0 : reportTop);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.println("alignguard: " + summary.describe(seconds) + "; model " + loaded.auditor().model());
            if (report != null) {
                try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                    CorpusReport.write(summary, new CorpusReport.Meta(input, Instant.now(), seconds,
                            loaded.auditor().model(), loaded.modelSha256(), loaded.auditor().windowTokens(),
                            loaded.auditor().strideTokens(), reportTop), out);
                }
            }
            return 0;
        } finally {
            audited.unpersist();
        }
    }

    /** The policy file's text, from any Hadoop file system. */
    private String read(String location) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(path)) {
            throw new ConfigException("", "config file not found: " + location);
        }
        FileStatus status = fs.getFileStatus(path);
        if (status.getLen() > MAX_POLICY_BYTES) {
            throw new ConfigException("", "config file " + location + " is larger than 1 MiB");
        }
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
