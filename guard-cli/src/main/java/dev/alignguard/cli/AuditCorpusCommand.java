package dev.alignguard.cli;

import dev.alignguard.core.GuardException;
import dev.alignguard.core.corpus.CorpusAuditor;
import dev.alignguard.core.corpus.CorpusJsonl;
import dev.alignguard.core.io.BoundedLineReader;
import dev.alignguard.onnx.CorpusModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import dev.alignguard.onnx.OnnxPassageScorer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Audits a training corpus (JSONL documents or a directory of {@code .txt} files) for text that portrays AI
 * systems as malevolent: one score line per document, in input order, and optionally an HTML report.
 */
@Command(name = "audit-corpus", mixinStandardHelpOptions = true,
        description = "Scores every document of a corpus for ai_malevolence: text portraying an AI system as hostile "
                + "to humans.")
final class AuditCorpusCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "JSONL of {\"id\", \"text\", \"source\"} objects, a "
            + "directory of .txt files (id = relative path), or '-' for stdin.")
    String input;

    @Option(names = "--output", description = "Where to write the scores JSONL ('-' for stdout); give --output, "
            + "--report or both.")
    String output;

    @Option(names = "--report", description = "Where to write a self-contained HTML report.")
    Path report;

    @Option(names = "--report-top", defaultValue = "100",
            description = "Documents listed in the report, highest score first (default 100, at most 10000).")
    int reportTop;

    @Option(names = "--threshold", description = "Probability at or over which a window counts (default: the "
            + "corpus model's recommended threshold).")
    Double threshold;

    @Option(names = "--threads", defaultValue = "1", description = "Documents audited in parallel (default 1).")
    int threads;

    @Option(names = "--model", description = "Corpus model bundle directory, holding alignguard-corpus-model.json "
            + "(default: the model of guard-model-corpus, bundled in this jar).")
    Path model;

    @Option(names = "--window-tokens", defaultValue = "0",
            description = "Tokens of text per window (default: the model's maximum, its max_length less 2).")
    int windowTokens;

    @Option(names = "--stride-tokens", defaultValue = "0",
            description = "Tokens between window starts (default: the stride the model was trained with, "
                    + "its manifest's stride_tokens; 64 when it states none).")
    int strideTokens;

    @Option(names = "--top-spans", defaultValue = "3", description = "Spans written per document (default 3).")
    int topSpans;

    @Option(names = "--max-doc-chars", defaultValue = "8388608", description = "Longest document read: characters "
            + "of a JSONL line, bytes of a .txt file (longer ones are reported as errors; default 8 Mi).")
    int maxDocChars;

    @Override
    public Integer call() {
        String error = CommandErrors.sharedOptionError(threads, output, report, reportTop);
        if (error != null) {
            return CommandErrors.usage(error);
        }
        if (maxDocChars < 1) {
            return CommandErrors.usage("--max-doc-chars must be at least 1");
        }
        long start = System.nanoTime();
        try {
            CorpusModelBundle bundle = model == null ? CorpusModelBundle.bundled()
                    : CorpusModelBundle.fromDirectory(model);
            try (OnnxPassageScorer scorer = OnnxPassageScorer.load(bundle, OnnxClassifier.Options.DEFAULT)) {
                CorpusAuditor auditor;
                try {
                    CorpusAuditor.Builder b = CorpusAuditor.builder(scorer).windowTokens(windowTokens)
                            .strideTokens(strideTokens).topSpans(topSpans);
                    auditor = (threshold == null ? b : b.threshold(threshold)).build();
                } catch (IllegalArgumentException e) {
                    return CommandErrors.usage(e.getMessage().replace("windowTokens", "--window-tokens")
                            .replace("strideTokens", "--stride-tokens").replace("topSpans", "--top-spans")
                            .replace("threshold: give one", "threshold: give --threshold")
                            .replace("threshold must", "--threshold must"));
                }
                return audit(auditor, bundle.sha256(), start);
            }
        } catch (GuardException | IOException | UncheckedIOException | InterruptedException e) {
            return CommandErrors.failure(e);
        }
    }

    private int audit(CorpusAuditor auditor, String sha256, long start) throws IOException, InterruptedException {
        Path dir = "-".equals(input) ? null : Path.of(input);
        boolean directory = dir != null && Files.isDirectory(dir);
        CorpusStats stats = new CorpusStats(auditor.threshold(), report == null ? 0 : reportTop);
        try (Reader in = directory ? Reader.nullReader() : ScanCommand.open(input);
             Writer out = output == null ? Writer.nullWriter() : ScanCommand.create(output)) {
            CorpusAuditor.DocumentSource documents = directory ? CorpusFiles.of(dir, maxDocChars)
                    : CorpusJsonl.reader(new BoundedLineReader(in, maxDocChars));
            auditor.auditAll(documents, r -> {
                out.write(CorpusJsonl.write(r));
                out.write('\n');
                stats.add(r);
            }, threads);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.println("alignguard: " + stats.describe(seconds) + "; model " + auditor.model());
        if (report != null) {
            try (Writer reportOut = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                CorpusReport.write(stats, new CorpusReport.Meta("-".equals(input) ? "stdin" : input, Instant.now(),
                        seconds, auditor.model(), sha256, auditor.windowTokens(), auditor.strideTokens(), reportTop),
                        reportOut);
            }
            System.err.printf(Locale.ROOT, "alignguard: report %s written%n", report);
        }
        return 0;
    }
}
