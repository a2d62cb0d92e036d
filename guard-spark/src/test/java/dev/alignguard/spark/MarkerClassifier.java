package dev.alignguard.spark;

import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.classify.ModelInfo;
import dev.alignguard.core.testing.FakeClassifier;
import java.util.List;

/**
 * A classifier for tests that executors build by class name: scores by markers ({@code <blackmail=0.95>}) and
 * fails on any text that contains {@code explode}.
 */
public final class MarkerClassifier implements Classifier {
    private final FakeClassifier markers = FakeClassifier.byMarkers();

    @Override
    public ModelInfo info() {
        return markers.info();
    }

    @Override
    public float[][] score(List<String> texts) throws ClassifierException {
        for (String t : texts) {
            if (t.contains("explode")) {
                throw new ClassifierException("the test classifier exploded");
            }
        }
        return markers.score(texts);
    }
}
