package dev.alignguard.benchmarks;

import dev.alignguard.core.Category;
import dev.alignguard.core.Thresholds;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ModelInfo;
import java.util.List;
import java.util.Map;

/**
 * A classifier that costs nothing: every text gets the same low scores. With it, {@code Guard.check} measures
 * everything around the model (extraction, normalisation, chunking, policy, verdict, evidence, audit event).
 */
final class ConstantClassifier implements Classifier {
    private static final Thresholds RECOMMENDED = new Thresholds(0.5, 0.7, 0.9);
    private static final ModelInfo INFO = new ModelInfo("constant-benchmark", "1",
            List.of(Category.BLACKMAIL, Category.COERCION, Category.SELF_PRESERVATION), 128,
            Map.of(Category.BLACKMAIL, RECOMMENDED, Category.COERCION, RECOMMENDED,
                    Category.SELF_PRESERVATION, RECOMMENDED));

    /** Scores between flag and block for one label, so the policy also builds a reason and evidence. */
    private static final float[] SCORES = {0.02f, 0.55f, 0.03f};

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public float[][] score(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = SCORES.clone();
        }
        return out;
    }
}
