package dev.alignguard.core.classify;

/**
 * Found with {@link java.util.ServiceLoader} when a guard is built without a classifier, so that adding the
 * guard-onnx and guard-model jars is enough: {@code Guard.create()} then loads the bundled model.
 */
public interface ClassifierProvider {

    /**
     * Creates a classifier.
     *
     * @param modelLocation a model bundle directory, or empty for the bundled model
     * @throws dev.alignguard.core.ModelLoadException when the model cannot be loaded
     */
    Classifier create(String modelLocation);
}
