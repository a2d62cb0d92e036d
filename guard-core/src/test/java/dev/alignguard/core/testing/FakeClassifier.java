package dev.alignguard.core.testing;

import dev.alignguard.core.Category;
import dev.alignguard.core.Thresholds;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.classify.ModelInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test double: scores each text with a function given by the test, counts calls and texts. Tests only;
 * the product's classifier is the trained ONNX model.
 */
public final class FakeClassifier implements Classifier {
    public static final Thresholds RECOMMENDED = new Thresholds(0.5, 0.7, 0.9);
    public static final ModelInfo INFO = new ModelInfo("fake-model", "1",
            List.of(Category.BLACKMAIL, Category.COERCION, Category.SELF_PRESERVATION), 128,
            Map.of(Category.BLACKMAIL, RECOMMENDED, Category.COERCION, RECOMMENDED,
                    Category.SELF_PRESERVATION, RECOMMENDED));

    /** Scores a text. */
    @FunctionalInterface
    public interface Scorer {
        float[] score(String text) throws ClassifierException;
    }

    private final Scorer scorer;
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger texts = new AtomicInteger();

    public FakeClassifier(Scorer scorer) {
        this.scorer = scorer;
    }

    /**
     * Scores by markers written into test texts: {@code <blackmail=0.95>} sets that category's score;
     * texts without markers score 0.01 everywhere.
     */
    public static FakeClassifier byMarkers() {
        return new FakeClassifier(text -> {
            float[] out = {0.01f, 0.01f, 0.01f};
            for (Category c : Category.values()) {
                String tag = "<" + c.id() + "=";
                int at = text.indexOf(tag);
                if (at >= 0) {
                    int end = text.indexOf('>', at);
                    out[c.ordinal()] = Float.parseFloat(text.substring(at + tag.length(), end));
                }
            }
            return out;
        });
    }

    public static FakeClassifier of(Function<String, float[]> f) {
        return new FakeClassifier(f::apply);
    }

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public float[][] score(List<String> batch) throws ClassifierException {
        calls.incrementAndGet();
        texts.addAndGet(batch.size());
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = scorer.score(batch.get(i));
        }
        return out;
    }
}
