package dev.alignguard.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Corpus model bundles for tests: {@link #corpus} writes the tiny bundle made by
 * {@code src/test/tiny-model/make_tiny_malevolence_model.py} (its model scores 0.9 for a passage holding the token
 * "robot", else 0.1; its manifest, written by training/bundle_malevolence.py, recommends 0.5) with guard-model's
 * tokenizer, so the corpus audit can be tested end to end without the trained model. Shared with other modules'
 * tests through guard-onnx's test jar.
 */
public final class TinyModelBundle {
    /** Where the tiny bundle's model and manifest are on the test class path. */
    static final String FIXTURE = "dev/alignguard/onnx/tiny-corpus/";

    private TinyModelBundle() {
    }

    /** The tiny corpus model bundle, written into {@code dir}. */
    public static Path corpus(Path dir) {
        try {
            Files.write(dir.resolve(CorpusModelBundle.MODEL), resource(FIXTURE + CorpusModelBundle.MODEL));
            Files.write(dir.resolve(CorpusModelBundle.MANIFEST), resource(FIXTURE + CorpusModelBundle.MANIFEST));
            // the corpus model's own tokenizer (guard-model-corpus, a test dependency): the guard's has a cut vocabulary
            Files.write(dir.resolve(CorpusModelBundle.TOKENIZER),
                    resource(CorpusModelBundle.CLASSPATH_LOCATION + CorpusModelBundle.TOKENIZER));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the manifest of the bundle in {@code dir} with {@code edit}. */
    public static Path editManifest(Path dir, UnaryOperator<String> edit) {
        try {
            Path manifest = dir.resolve(CorpusModelBundle.MANIFEST);
            Files.writeString(manifest, edit.apply(Files.readString(manifest, StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the model at class-path resource {@code model} into the bundle in {@code dir}, with its SHA-256 and
     * size in the manifest, so that it loads as far as ONNX Runtime.
     */
    public static Path replaceModel(Path dir, String model) {
        try {
            Path file = dir.resolve(CorpusModelBundle.MODEL);
            byte[] old = Files.readAllBytes(file);
            byte[] bytes = resource(model);
            Files.write(file, bytes);
            return editManifest(dir, m -> m.replace(BundleFiles.sha256(old), BundleFiles.sha256(bytes))
                    .replace("\"size_bytes\": " + old.length + ",", "\"size_bytes\": " + bytes.length + ","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a document-level n-gram member to the bundle in {@code dir}: {@code weights} as ngram.f32 (little-endian
     * float32, verified by its SHA-256 and size) with {@code bias}, combined as {@code stack} states (a JSON object
     * with window_logit, ngram_logit and bias), as training/bundle_malevolence.py --stack writes it.
     */
    public static Path withNgram(Path dir, float[] weights, double bias, String stack) {
        ByteBuffer b = ByteBuffer.allocate(4 * weights.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float w : weights) {
            b.putFloat(w);
        }
        try {
            Files.write(dir.resolve(CorpusModelBundle.NGRAM), b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ngram = "\"ngram\": {\"file\": \"ngram.f32\", \"sha256\": \"" + BundleFiles.sha256(b.array())
                + "\", \"size_bytes\": " + b.array().length + ", \"dim\": " + weights.length
                + ", \"max_chars\": 600, \"char_ngrams\": [3, 5], \"char_step\": 2, \"bias\": " + bias + "},";
        return editManifest(dir, m -> m.replace("\"threshold\": 0.5,", "\"threshold\": 0.5, " + ngram
                + " \"stack\": " + stack + ","));
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
