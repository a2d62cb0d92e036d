package dev.alignguard.onnx;

import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Lets {@code Guard.create()} find the ONNX classifier: the bundled model, or a bundle directory. */
public final class OnnxClassifierProvider implements ClassifierProvider {
    @Override
    public Classifier create(String modelLocation) {
        ModelBundle bundle;
        try {
            bundle = modelLocation == null || modelLocation.isBlank() ? ModelBundle.bundled()
                    : ModelBundle.fromDirectory(Path.of(modelLocation));
        } catch (InvalidPathException e) {
            throw new ModelLoadException("model.location is not a valid path: " + e.getMessage(), e);
        }
        return OnnxClassifier.load(bundle, OnnxClassifier.Options.DEFAULT);
    }
}
