package dev.alignguard.spark;

import java.io.Serializable;

/**
 * How a Spark corpus audit builds its auditor on each executor, as the CLI's {@code audit-corpus} options do: the
 * threshold (null: the model's recommended one), window and stride in tokens (0: the defaults), spans per
 * document, the longest document in characters, and optionally a corpus model bundle directory present on every
 * executor (null: the model of guard-model-corpus). Equal options share one auditor per executor JVM.
 */
public record CorpusOptions(Double threshold, int windowTokens, int strideTokens, int topSpans, int maxDocChars,
                            String modelLocation) implements Serializable {

    /** The CLI's defaults: the bundled model and its threshold, 3 spans, documents up to 8 Mi characters. */
    public static final CorpusOptions DEFAULT = new CorpusOptions(null, 0, 0, 3, 8 << 20, null);

    /** @throws IllegalArgumentException if {@code maxDocChars} is less than 1 */
    public CorpusOptions {
        if (maxDocChars < 1) {
            throw new IllegalArgumentException("maxDocChars must be at least 1, got " + maxDocChars);
        }
    }

    /** The same options with this threshold. */
    public CorpusOptions withThreshold(double probability) {
        return new CorpusOptions(probability, windowTokens, strideTokens, topSpans, maxDocChars, modelLocation);
    }

    /** The same options with these window and stride lengths in tokens (0: the defaults). */
    public CorpusOptions withWindows(int window, int stride) {
        return new CorpusOptions(threshold, window, stride, topSpans, maxDocChars, modelLocation);
    }

    /** The same options keeping this many spans per document. */
    public CorpusOptions withTopSpans(int spans) {
        return new CorpusOptions(threshold, windowTokens, strideTokens, spans, maxDocChars, modelLocation);
    }

    /** The same options with a model bundle directory that exists at this path on every executor. */
    public CorpusOptions withModelLocation(String directory) {
        return new CorpusOptions(threshold, windowTokens, strideTokens, topSpans, maxDocChars, directory);
    }
}
