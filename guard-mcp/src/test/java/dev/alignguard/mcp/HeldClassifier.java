package dev.alignguard.mcp;

import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.classify.ModelInfo;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The bundled model, except that a check of any text holding {@link #MARKER} waits until the test releases
 * it: makes "a tools/call is being checked right now" a state a test can set up and observe.
 */
final class HeldClassifier implements Classifier {
    static final String MARKER = "holdthischeck";

    /** Counted down when a held check starts waiting. */
    final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    void release() {
        released.countDown();
    }

    @Override
    public ModelInfo info() {
        return Calls.MODEL.info();
    }

    @Override
    public float[][] score(List<String> texts) throws ClassifierException {
        if (texts.stream().anyMatch(t -> t.contains(MARKER))) {
            holding.countDown();
            try {
                if (!released.await(20, TimeUnit.SECONDS)) {
                    throw new ClassifierException("the test never released the held check");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClassifierException("interrupted while held", e);
            }
        }
        return Calls.MODEL.score(texts);
    }
}
