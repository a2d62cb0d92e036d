package dev.alignguard.core.testing;

import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.corpus.PassageScorer;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A passage scorer that forwards every call to another one, for tests and benchmarks that change or record one
 * method (the words, the scores) and keep the rest of a real or fake scorer. Not for the product.
 */
public class ForwardingPassageScorer implements PassageScorer {
    private final PassageScorer to;

    public ForwardingPassageScorer(PassageScorer to) {
        this.to = to;
    }

    @Override
    public String model() {
        return to.model();
    }

    @Override
    public OptionalDouble recommendedThreshold() {
        return to.recommendedThreshold();
    }

    @Override
    public OptionalInt recommendedStrideTokens() {
        return to.recommendedStrideTokens();
    }

    @Override
    public int maxTokens() {
        return to.maxTokens();
    }

    @Override
    public void words(String text, WordSink sink) {
        to.words(text, sink);
    }

    @Override
    public float[] score(List<String> passages) throws ClassifierException {
        return to.score(passages);
    }

    @Override
    public float[] score(String document, List<String> windows) throws ClassifierException {
        return to.score(document, windows);
    }

    /** Leaves the wrapped scorer open: whoever made it closes it. */
    @Override
    public void close() {
    }
}
