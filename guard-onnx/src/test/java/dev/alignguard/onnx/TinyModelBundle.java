package dev.alignguard.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test bundles around a model of the test's choosing, with the bundled tokenizer: {@link #aiMalevolence} holds the
 * tiny model made by {@code src/test/tiny-model/make_tiny_malevolence_model.py} (0.9 for a passage holding the
 * token "robot", else 0.1, from an {@code ai_malevolence} output beside {@code probabilities}), so the corpus audit
 * can be tested end to end without the trained head. Shared with other modules' tests through guard-onnx's test jar.
 */
public final class TinyModelBundle {
    /** The tiny model's resource. */
    public static final String TINY_MODEL = "dev/alignguard/onnx/tiny-malevolence.onnx";

    private TinyModelBundle() {
    }

    /** A bundle directory in {@code dir} with the tiny model and {@code ai_malevolence.threshold} 0.5. */
    public static Path aiMalevolence(Path dir) {
        return write(dir, TINY_MODEL, ",\"ai_malevolence\":{\"threshold\":0.5}");
    }

    /**
     * A bundle directory in {@code dir} with the model at class-path resource {@code model} and the manifest
     * members {@code extraManifest} (JSON text starting with a comma, or empty).
     */
    public static Path write(Path dir, String model, String extraManifest) {
        try {
            byte[] bytes = resource(model);
            Files.write(dir.resolve(ModelBundle.MODEL), bytes);
            Files.write(dir.resolve(ModelBundle.TOKENIZER),
                    resource(ModelBundle.CLASSPATH_LOCATION + ModelBundle.TOKENIZER));
            Files.write(dir.resolve(ModelBundle.PARITY), resource(ModelBundle.CLASSPATH_LOCATION + ModelBundle.PARITY));
            Files.writeString(dir.resolve(ModelBundle.MANIFEST), "{\"id\":\"tiny-test-model\",\"version\":\"0.0.1\","
                    + "\"labels\":[\"blackmail\",\"coercion\",\"self_preservation\"],\"max_length\":128,"
                    + "\"sha256\":\"" + ModelBundle.sha256(bytes) + "\",\"thresholds\":{}" + extraManifest + "}",
                    StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TinyModelBundle.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }
}
