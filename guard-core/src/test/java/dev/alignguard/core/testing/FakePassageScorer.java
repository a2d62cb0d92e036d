package dev.alignguard.core.testing;

import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.corpus.PassageScorer;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToDoubleFunction;

/**
 * A test double for the corpus audit: every run of non-space characters is a word of one token, each passage
 * scores what the test's function says, and every passage scored is recorded. Tests only; the product's scorer
 * is the bundle's ONNX model.
 */
public final class FakePassageScorer implements PassageScorer {
    private final ToDoubleFunction<String> score;
    private final int maxTokens;
    private final OptionalDouble recommended;
    private final OptionalInt stride;
    private final Queue<String> passages = new ConcurrentLinkedQueue<>();

    public FakePassageScorer(ToDoubleFunction<String> score, int maxTokens, OptionalDouble recommended) {
        this(score, maxTokens, recommended, OptionalInt.empty());
    }

    private FakePassageScorer(ToDoubleFunction<String> score, int maxTokens, OptionalDouble recommended,
                              OptionalInt stride) {
        this.score = score;
        this.maxTokens = maxTokens;
        this.recommended = recommended;
        this.stride = stride;
    }

    /** The same scorer, recommending windows {@code tokens} apart. */
    public FakePassageScorer recommendingStride(int tokens) {
        return new FakePassageScorer(score, maxTokens, recommended, OptionalInt.of(tokens));
    }

    /** 0.9 for a passage holding the word {@code EVIL}, 0.1 otherwise; 126 tokens; recommends 0.5. */
    public static FakePassageScorer evilWord() {
        return new FakePassageScorer(p -> p.contains("EVIL") ? 0.9 : 0.1, 126, OptionalDouble.of(0.5));
    }

    /** Every passage scored so far, in the order the calls happened. */
    public List<String> passages() {
        return List.copyOf(passages);
    }

    @Override
    public String model() {
        return "fake-scorer 1";
    }

    @Override
    public OptionalDouble recommendedThreshold() {
        return recommended;
    }

    @Override
    public OptionalInt recommendedStrideTokens() {
        return stride;
    }

    @Override
    public int maxTokens() {
        return maxTokens;
    }

    @Override
    public void words(String text, WordSink sink) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || text.charAt(i) == ' ';
            if (space && start >= 0) {
                sink.word(start, i, 1);
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
    }

    @Override
    public float[] score(List<String> batch) throws ClassifierException {
        float[] out = new float[batch.size()];
        for (int i = 0; i < out.length; i++) {
            passages.add(batch.get(i));
            out[i] = (float) score.applyAsDouble(batch.get(i));
        }
        return out;
    }
}
