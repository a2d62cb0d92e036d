package dev.alignguard.core.classify;

import java.util.List;

/**
 * Scores texts for every category: the SPI between the guard and a model. Implementations must be
 * thread-safe (one instance serves all checks) and must not keep the texts they are given.
 */
public interface Classifier extends AutoCloseable {

    /** What model this is: id, label order, window length and recommended thresholds. */
    ModelInfo info();

    /**
     * Returns one row per text, each with one probability in [0, 1] per label of {@link ModelInfo#labels()},
     * in that order. Texts are already normalised and at most one window long.
     *
     * @throws ClassifierException when scoring fails; the guard applies its fail mode
     */
    float[][] score(List<String> texts) throws ClassifierException;

    /** Releases native resources. The default does nothing. */
    @Override
    default void close() {
    }
}
