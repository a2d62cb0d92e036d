package dev.alignguard.core.classify;

import java.util.List;
import java.util.function.UnaryOperator;

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

    /**
     * What the model reads from one whole action, applied to the score row of each of its windows: a model with a
     * document-level member (guard-onnx's n-gram stack) combines it with every row here. The operator must return
     * a new row of probabilities in [0, 1] and leave its argument unchanged (rows are shared between actions);
     * the default leaves the scores as they are.
     *
     * @param actionText the action's whole text, normalised ({@code ScoredText#actionText()})
     */
    default UnaryOperator<float[]> forAction(String actionText) {
        return UnaryOperator.identity();
    }

    /** Releases native resources. The default does nothing. */
    @Override
    default void close() {
    }
}
