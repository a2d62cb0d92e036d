package dev.alignguard.onnx;

import dev.alignguard.core.ModelLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The corpus audit's model bundle, in memory and verified: {@code model.onnx}, a small model of its own whose
 * output {@code ai_malevolence} [batch, 1] is the probability that a passage portrays an AI system as hostile to
 * humans; {@code tokenizer.json}, the WordPiece tokenizer it was trained on; and the manifest
 * {@code alignguard-corpus-model.json} (id, version, output, max length, window stride, recommended threshold, and
 * the SHA-256 and size of both files, checked before ONNX Runtime sees the model). It lives in its own artifact,
 * {@value #ARTIFACT}, so an agent guard does not carry it; load it from there or from a directory.
 */
public final class CorpusModelBundle {
    /** Where the guard-model-corpus jar keeps the corpus model. */
    public static final String CLASSPATH_LOCATION = "dev/alignguard/model/corpus/";
    /** The manifest's file name. */
    public static final String MANIFEST = "alignguard-corpus-model.json";
    /** The Maven coordinates of the artifact that holds the corpus model. */
    public static final String ARTIFACT = "dev.alignguard:guard-model-corpus";
    static final String MODEL = "model.onnx";
    static final String TOKENIZER = "tokenizer.json";
    static final String NGRAM = NgramSection.FILE;
    private static final String KIND = "corpus model";
    /** The manifest members the loader reads; the rest (training summary, metrics) is skipped. */
    private static final Set<String> MANIFEST_MEMBERS = Set.of("id", "version", "output", "max_length",
            "stride_tokens", "threshold", "model", "tokenizer", "ngram", "stack");

    private final String id;
    private final String version;
    private final int maxLength;
    private final OptionalDouble threshold;
    private final OptionalInt strideTokens;
    private final byte[] model;
    private final byte[] tokenizer;
    private final String sha256;
    private final String origin;
    private final DocumentStack stack;

    private CorpusModelBundle(String id, String version, int maxLength, OptionalDouble threshold,
                              OptionalInt strideTokens, byte[] model, byte[] tokenizer, String sha256, String origin,
                              DocumentStack stack) {
        this.id = id;
        this.version = version;
        this.maxLength = maxLength;
        this.threshold = threshold;
        this.strideTokens = strideTokens;
        this.model = model;
        this.tokenizer = tokenizer;
        this.sha256 = sha256;
        this.origin = origin;
        this.stack = stack;
    }

    /**
     * The corpus model from the class path (the {@value #ARTIFACT} jar).
     *
     * @throws ModelLoadException naming {@value #ARTIFACT} when it is missing or holds no model, or when the
     *     bundle is corrupt
     */
    public static CorpusModelBundle bundled() {
        return fromClassLoader(CorpusModelBundle.class.getClassLoader());
    }

    static CorpusModelBundle fromClassLoader(ClassLoader cl) {
        return load(BundleFiles.classpath(KIND, cl, CLASSPATH_LOCATION, resource ->
                cl.getResource(CLASSPATH_LOCATION + TOKENIZER) == null
                        ? "corpus model file " + resource + " is not on the class path: add the " + ARTIFACT
                                + " dependency"
                        : "the " + ARTIFACT + " on the class path has no " + resource + ": it is built without the "
                                + "trained model until training/bundle_malevolence.py has put it there; use a "
                                + "build of " + ARTIFACT + " that holds the model, or a corpus model directory"));
    }

    /**
     * A bundle from a directory holding model.onnx, tokenizer.json and alignguard-corpus-model.json.
     *
     * @throws ModelLoadException when a file is missing or the bundle is corrupt; a guard model bundle
     *     (alignguard-model.json) is refused with a message saying so
     */
    public static CorpusModelBundle fromDirectory(Path dir) {
        if (!Files.isRegularFile(dir.resolve(MANIFEST)) && Files.isRegularFile(dir.resolve(ModelBundle.MANIFEST))) {
            throw new ModelLoadException(dir + " is a guard model bundle (" + ModelBundle.MANIFEST + "), not a "
                    + "corpus model bundle (" + MANIFEST + "): the corpus audit's model is " + ARTIFACT);
        }
        return load(BundleFiles.directory(KIND, dir));
    }

    private static CorpusModelBundle load(BundleFiles files) {
        String origin = files.origin();
        Map<String, Object> manifest;
        byte[] model;
        byte[] tokenizer;
        byte[] ngram = null;
        try {
            manifest = JsonValues.object(JsonValues.parse(new String(files.read(MANIFEST), StandardCharsets.UTF_8),
                    MANIFEST_MEMBERS));
            model = files.read(MODEL, BundleFiles.statedSize(manifest.get("model")));
            tokenizer = files.read(TOKENIZER, BundleFiles.statedSize(manifest.get("tokenizer")));
            if (manifest.containsKey("ngram")) {
                ngram = files.read(NGRAM, BundleFiles.statedSize(manifest.get("ngram")));
            }
        } catch (IOException e) {
            throw new ModelLoadException("cannot read corpus model bundle " + origin + ": " + e.getMessage(), e);
        }
        String output = files.text(manifest, "output");
        if (!OnnxPassageScorer.OUTPUT.equals(output)) {
            throw new ModelLoadException("corpus model manifest of " + origin + " names output " + output + "; the "
                    + "corpus audit reads " + OnnxPassageScorer.OUTPUT);
        }
        String sha256 = files.verified(model, MODEL, files.text(JsonValues.object(manifest.get("model")), "sha256"));
        files.verified(tokenizer, TOKENIZER, files.text(JsonValues.object(manifest.get("tokenizer")), "sha256"));
        int maxLength = files.maxLength(manifest);
        return new CorpusModelBundle(files.text(manifest, "id"), files.text(manifest, "version"), maxLength,
                threshold(manifest, origin), strideTokens(manifest, maxLength, origin), model, tokenizer, sha256,
                origin, stack(files, manifest, ngram));
    }

    /** The document-level member and how it is combined, or null for a window model alone. */
    private static DocumentStack stack(BundleFiles files, Map<String, Object> manifest, byte[] ngram) {
        return NgramSection.present(manifest) ? NgramSection.read(files, "corpus model manifest", manifest, ngram,
                List.of(OnnxPassageScorer.OUTPUT)).get(0) : null;
    }

    /** The manifest's {@code stride_tokens}: empty without one, a whole number from 1 to the window when given. */
    private static OptionalInt strideTokens(Map<String, Object> manifest, int maxLength, String origin) {
        Object s = manifest.get("stride_tokens");
        if (s == null) {
            return OptionalInt.empty();
        }
        double v = JsonValues.number(s, Double.NaN);
        if (!(v >= 1 && v <= maxLength - 2 && v == Math.rint(v))) {
            throw new ModelLoadException("corpus model manifest of " + origin + ": stride_tokens must be a whole "
                    + "number from 1 to " + (maxLength - 2) + " (max_length less [CLS] and [SEP])");
        }
        return OptionalInt.of((int) v);
    }

    /** The manifest's {@code threshold}: empty without one, a probability in (0, 1] when given. */
    private static OptionalDouble threshold(Map<String, Object> manifest, String origin) {
        Object t = manifest.get("threshold");
        if (t == null) {
            return OptionalDouble.empty();
        }
        double v = JsonValues.number(t, Double.NaN);
        if (!(v > 0 && v <= 1)) {
            throw new ModelLoadException("corpus model manifest of " + origin + ": threshold must be a number in "
                    + "(0, 1]");
        }
        return OptionalDouble.of(v);
    }

    /** The model's id, from the manifest. */
    public String id() {
        return id;
    }

    /** The model's version, from the manifest. */
    public String version() {
        return version;
    }

    /** The model's window in tokens, {@code [CLS]} and {@code [SEP]} included. */
    public int maxLength() {
        return maxLength;
    }

    /** The threshold the manifest recommends for {@code ai_malevolence}, if it states one. */
    public OptionalDouble threshold() {
        return threshold;
    }

    /** The distance between window starts the model was trained with (manifest {@code stride_tokens}), if stated. */
    public OptionalInt strideTokens() {
        return strideTokens;
    }

    /** The verified SHA-256 of model.onnx, to pin in deployment config. */
    public String sha256() {
        return sha256;
    }

    /** Where the bundle was loaded from. */
    public String origin() {
        return origin;
    }

    byte[] modelBytes() {
        return model;
    }

    byte[] tokenizerBytes() {
        return tokenizer;
    }

    /** The document-level member and its combination, when the bundle has one. */
    Optional<DocumentStack> stack() {
        return Optional.ofNullable(stack);
    }
}
