package dev.alignguard.cli;

import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.GuardException;
import dev.alignguard.core.audit.AuditSink;
import dev.alignguard.core.audit.JsonlAuditSink;
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
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scans recorded agent traces (JSONL) and writes one verdict line per input line. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scores every line of a JSONL trace and writes what the guard would have decided.")
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "JSONL trace to scan ('-' for stdin).")
    String input;

    @Option(names = "--output", required = true, description = "Where to write the scores JSONL ('-' for stdout).")
    String output;

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

    @Option(names = "--fail-on", description = "Exit with 3 if any line gets this decision or a stricter one.")
    Decision failOn;

    @Override
    public Integer call() {
        if (threads < 1 || threads > 256) {
            System.err.println("alignguard: --threads must be between 1 and 256");
            return 2;
        }
        long start = System.nanoTime();
        try {
            GuardConfig cfg = config == null ? GuardConfig.defaults() : GuardConfig.load(config);
            if (model != null) {
                cfg = new GuardConfig(cfg.policy(), cfg.cache(), cfg.timeout(), cfg.auditRawText(), model.toString());
            }
            try (JsonlAuditSink auditFile = audit == null ? null : new JsonlAuditSink(
                    Files.newBufferedWriter(audit, StandardCharsets.UTF_8));
                 Guard guard = Guard.builder().config(cfg).auditSink(auditFile == null ? quiet() : auditFile).build();
                 Reader in = open(input);
                 Writer out = create(output)) {
                ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
                try {
                    TraceScanner.Summary s = new TraceScanner(guard, pool)
                            .scan(new BoundedLineReader(in, maxLineChars), out);
                    System.err.println("alignguard: " + s.describe((System.nanoTime() - start) / 1e9)
                            + "; model " + guard.model().id());
                    boolean matched = failOn != null && s.decisions.keySet().stream()
                            .anyMatch(d -> d.ordinal() >= failOn.ordinal());
                    return matched ? 3 : 0;
                } finally {
                    if (pool != null) {
                        pool.shutdownNow();
                    }
                }
            }
        } catch (GuardException e) {
            System.err.println("alignguard: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("alignguard: I/O error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("alignguard: interrupted");
            return 1;
        }
    }

    /** The CLI's own output is the scores file; per-decision log lines would only repeat it. */
    private static AuditSink quiet() {
        return event -> { };
    }

    private static Reader open(String path) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader("-".equals(path) ? System.in : Files.newInputStream(Path.of(path)), decoder);
    }

    private static Writer create(String path) throws IOException {
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
