package dev.alignguard.spark;

import dev.alignguard.core.corpus.CorpusAuditor;
import dev.alignguard.onnx.CorpusModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import dev.alignguard.onnx.OnnxPassageScorer;
import java.nio.file.Path;

/**
 * The corpus auditors of this JVM, one per {@link CorpusOptions}: loaded by the first task that needs one and
 * shared by every task of the executor after it (a {@link CorpusAuditor} is thread-safe), so the model is read
 * once per executor. {@link AlignGuardPlugin} closes them when the executor stops.
 */
final class ExecutorAuditors {
    /**
     * The auditor for each options, loaded on first use ({@code get} throws IllegalArgumentException when an option
     * is out of range or no threshold is given or recommended); {@code closeAll} closes every scorer.
     */
    static final ExecutorCache<CorpusOptions, Loaded> CACHE =
            new ExecutorCache<>(ExecutorAuditors::load, l -> l.scorer().close());

    /** An auditor, the scorer it was built on (the auditor does not own it) and the model's SHA-256. */
    record Loaded(CorpusAuditor auditor, OnnxPassageScorer scorer, String modelSha256) {
    }

    private ExecutorAuditors() {
    }

    private static Loaded load(CorpusOptions options) {
        CorpusModelBundle bundle = options.modelLocation() == null ? CorpusModelBundle.bundled()
                : CorpusModelBundle.fromDirectory(Path.of(options.modelLocation()));
        OnnxPassageScorer scorer = OnnxPassageScorer.load(bundle, OnnxClassifier.Options.DEFAULT);
        try {
            CorpusAuditor.Builder b = CorpusAuditor.builder(scorer).windowTokens(options.windowTokens())
                    .strideTokens(options.strideTokens()).topSpans(options.topSpans());
            CorpusAuditor auditor = (options.threshold() == null ? b : b.threshold(options.threshold())).build();
            return new Loaded(auditor, scorer, bundle.sha256());
        } catch (RuntimeException e) {
            scorer.close();
            throw e;
        }
    }
}
