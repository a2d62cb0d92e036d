package dev.alignguard.cli;

import dev.alignguard.core.ConfigException;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.GuardException;
import dev.alignguard.core.audit.AuditSink;
import dev.alignguard.core.audit.JsonlAuditSink;
import dev.alignguard.core.io.BoundedLineReader;
import dev.alignguard.onnx.ModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scans recorded agent traces (JSONL) and writes one verdict line per input line, an HTML audit report, or
 * both.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scores every line of a JSONL trace and writes what the guard would have decided.")
final class ScanCommand implements Callable<Integer> {
    /** The most flagged lines a report may list. */
    static final int MAX_REPORT_TOP = 10_000;

    @Option(names = "--input", required = true, description = "JSONL trace to scan ('-' for stdin).")
    String input;

    @Option(names = "--output", description = "Where to write the scores JSONL ('-' for stdout); give --output, "
            + "--report or both.")
    String output;

    @Option(names = "--report", description = "Where to write a self-contained HTML audit report.")
    Path report;

    @Option(names = "--report-top", defaultValue = "100",
            description = "Flagged lines listed in the report, highest score first (default 100, at most 10000).")
    int reportTop;

    @Option(names = "--config", description = "Policy file (.yaml, .yml or .properties).")
    Path config;

    @Option(names = "--model", description = "Model bundle directory (default: the bundled model).")
    Path model;

    @Option(names = "--threads", defaultValue = "1", description = "Lines checked in parallel (default 1).")
    int threads;

    @Option(names = "--audit", description = "Also append one audit record per decision to this JSONL file.")
    Path audit;

    @Option(names = "--max-line-chars", defaultValue = "33554432",
            description = "Longest input line read (longer lines are reported as errors).")
    int maxLineChars;

    @Option(names = "--no-screen", description = "Send every window to the full model (turn off the cascade's "
            + "screening model), e.g. to measure what the cascade costs.")
    boolean noScreen;

    @Option(names = "--fail-on", description = "Exit with 3 if any line gets this decision or a stricter one.")
    Decision failOn;

    @Override
    public Integer call() {
        String error = maxLineChars < 1 ? "--max-line-chars must be at least 1"
                : CommandErrors.sharedOptionError(threads, output, report, reportTop);
        if (error != null) {
            return CommandErrors.usage(error);
        }
        long start = System.nanoTime();
        try {
            GuardConfig cfg = config == null ? GuardConfig.defaults() : GuardConfig.load(config);
            if (model != null) {
                cfg = cfg.withModelLocation(model.toString());
            }
            ModelBundle bundle = cfg.modelLocation().isBlank() ? ModelBundle.bundled()
                    : ModelBundle.fromDirectory(Path.of(cfg.modelLocation()));
            try (OnnxClassifier classifier = OnnxClassifier.load(bundle,
                    OnnxClassifier.Options.DEFAULT.withScreening(!noScreen));
                 JsonlAuditSink auditFile = audit == null ? null : new JsonlAuditSink(
                    Files.newBufferedWriter(audit, StandardCharsets.UTF_8));
                 Guard guard = Guard.builder().config(cfg).classifier(classifier)
                         .auditSink(auditFile == null ? quiet() : auditFile).build();
                 Reader in = open(input);
                 Writer out = output == null ? Writer.nullWriter() : create(output);
                 Writer reportOut = report == null ? null : Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
                try {
                    ReportAggregator stats = new ReportAggregator(report == null ? 0 : reportTop);
                    new TraceScanner(guard, pool).scan(new BoundedLineReader(in, maxLineChars), out, stats);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.err.println("alignguard: " + stats.describe(seconds) + "; model " + guard.model().id());
                    if (reportOut != null) {
                        long t0 = System.nanoTime();
                        HtmlReport.write(stats, new HtmlReport.Meta("-".equals(input) ? "stdin" : input,
                                config == null ? null : config.toString(), Instant.now(), seconds, guard.model(),
                                bundle.sha256(), guard.policy(), reportTop), reportOut);
                        System.err.printf(Locale.ROOT, "alignguard: report %s written in %.1f ms%n", report,
                                (System.nanoTime() - t0) / 1e6);
                    }
                    return failOn != null && stats.any(failOn) ? 3 : 0;
                } finally {
                    if (pool != null) {
                        pool.shutdownNow();
                    }
                }
            }
        } catch (ConfigException | InvalidPathException e) {
            return CommandErrors.usage(e.getMessage());
        } catch (GuardException | IOException | UncheckedIOException | InterruptedException e) {
            return CommandErrors.failure(e);
        }
    }

    /** The CLI's own output is the scores file; per-decision log lines would only repeat it. */
    private static AuditSink quiet() {
        return event -> { };
    }

    static Reader open(String path) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader("-".equals(path) ? System.in : Files.newInputStream(Path.of(path)), decoder);
    }

    static Writer create(String path) throws IOException {
        if ("-".equals(path)) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush(); // never close stdout
                }
            };
        }
        return Files.newBufferedWriter(Path.of(path), StandardCharsets.UTF_8);
    }
}
