package dev.alignguard.onnx;

import dev.alignguard.core.Category;
import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.Thresholds;
import dev.alignguard.core.classify.ModelInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model bundle in memory and verified: {@code model.onnx} (its SHA-256 must equal the manifest's),
 * {@code tokenizer.json}, the manifest {@code alignguard-model.json} (id, version, labels, max length,
 * recommended thresholds) and {@code parity.jsonl} (reference texts with the scores the model gave them when
 * it was built, used as a start-up self-test), and optionally a screening model for the cascade (the manifest's
 * {@code screen} section: file, SHA-256, per-label {@code clear_below}). Loaded from the class path (the guard-model
 * jar) or from a directory. The corpus audit's model is a separate bundle, {@link CorpusModelBundle}.
 */
public final class ModelBundle {
    /** Where the guard-model jar keeps the bundled model. */
    public static final String CLASSPATH_LOCATION = "dev/alignguard/model/";
    static final String MODEL = "model.onnx";
    static final String TOKENIZER = "tokenizer.json";
    static final String MANIFEST = "alignguard-model.json";
    static final String PARITY = "parity.jsonl";
    private static final String KIND = "model";
    private static final int SELF_TEST_CASES = 4;
    /** The manifest members the loader reads; the rest (metrics, training data, calibration notes) is skipped. */
    private static final Set<String> MANIFEST_MEMBERS = Set.of("id", "version", "labels", "max_length", "model",
            "sha256", "thresholds", "screen", "ngram", "stack");

    private final ModelInfo info;
    private final byte[] model;
    private final byte[] tokenizer;
    private final String sha256;
    private final String origin;
    private final List<SelfTestCase> selfTest;
    private final Screen screen;
    private final List<DocumentStack> stacks;

    private ModelBundle(ModelInfo info, byte[] model, byte[] tokenizer, String sha256, String origin,
                        List<SelfTestCase> selfTest, Screen screen, List<DocumentStack> stacks) {
        this.info = info;
        this.model = model;
        this.tokenizer = tokenizer;
        this.sha256 = sha256;
        this.origin = origin;
        this.selfTest = selfTest;
        this.screen = screen;
        this.stacks = stacks;
    }

    /**
     * The screening model of the cascade: verified bytes, and per label (in the model's label order) the score
     * below which a text counts as clearly benign. Null in a bundle without one.
     */
    record Screen(byte[] model, String sha256, float[] clearBelow) {
    }

    /** A reference text (already normalised) and the probabilities the int8 model gave it when it was built. */
    record SelfTestCase(String text, float[] probabilities) {
    }

    /**
     * The bundled model from the class path.
     *
     * @throws ModelLoadException when guard-model is missing or the bundle is corrupt
     */
    public static ModelBundle bundled() {
        return load(BundleFiles.classpath(KIND, ModelBundle.class.getClassLoader(), CLASSPATH_LOCATION,
                resource -> "bundled model file " + resource + " is not on the class path: add the "
                        + "dev.alignguard:guard-model dependency"));
    }

    /**
     * A bundle from a directory holding model.onnx, tokenizer.json and alignguard-model.json.
     *
     * @throws ModelLoadException when a file is missing or the bundle is corrupt
     */
    public static ModelBundle fromDirectory(Path dir) {
        return load(BundleFiles.directory(KIND, dir));
    }

    private static ModelBundle load(BundleFiles files) {
        String origin = files.origin();
        Map<String, Object> manifest;
        byte[] model;
        byte[] tokenizer;
        List<SelfTestCase> selfTest;
        Screen screen;
        byte[] ngram = null;
        try {
            manifest = JsonValues.object(JsonValues.parse(utf8(files.read(MANIFEST)), MANIFEST_MEMBERS));
            model = files.read(MODEL, BundleFiles.statedSize(manifest.get("model")));
            tokenizer = files.read(TOKENIZER);
            selfTest = selfTest(utf8(files.read(PARITY)));
            screen = manifest.containsKey("screen") ? screen(manifest, files) : null;
            if (manifest.containsKey("ngram")) {
                ngram = files.read(NgramSection.FILE, BundleFiles.statedSize(manifest.get("ngram")));
            }
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model bundle " + origin + ": " + e.getMessage(), e);
        }
        Map<String, Object> modelSection = JsonValues.object(manifest.get("model"));
        String expected = modelSection.containsKey("sha256") ? files.text(modelSection, "sha256")
                : files.text(manifest, "sha256");
        String actual = files.verified(model, MODEL, expected);
        List<DocumentStack> stacks = NgramSection.present(manifest) ? NgramSection.read(files, "model manifest",
                manifest, ngram, JsonValues.array(manifest.get("labels")).stream().map(JsonValues::text).toList())
                : null;
        return new ModelBundle(info(manifest, files), model, tokenizer, actual, origin, selfTest, screen, stacks);
    }

    private static Screen screen(Map<String, Object> manifest, BundleFiles files) throws IOException {
        String origin = files.origin();
        Map<String, Object> s = JsonValues.object(manifest.get("screen"));
        String file = files.text(s, "file");
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new ModelLoadException("model manifest of " + origin + ": screen.file must be a plain file name");
        }
        byte[] bytes = files.read(file, BundleFiles.statedSize(s));
        String sha = files.verified(bytes, file, files.text(s, "sha256"));
        List<Object> labels = JsonValues.array(manifest.get("labels"));
        Map<String, Object> clearBelow = JsonValues.object(s.get("clear_below"));
        float[] clear = new float[labels.size()];
        for (int i = 0; i < clear.length; i++) {
            String label = JsonValues.text(labels.get(i));
            double v = JsonValues.number(clearBelow.get(label), Double.NaN);
            if (!(v >= 0 && v <= 1)) {
                throw new ModelLoadException("model manifest of " + origin + ": screen.clear_below." + label
                        + " must be a number in [0, 1]");
            }
            clear[i] = (float) v;
        }
        return new Screen(bytes, sha, clear);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<SelfTestCase> selfTest(String parity) throws IOException {
        List<SelfTestCase> cases = new ArrayList<>();
        for (String line : (Iterable<String>) parity.lines()::iterator) {
            if (cases.size() == SELF_TEST_CASES) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> row = JsonValues.object(JsonValues.parse(line));
            List<Object> p = JsonValues.array(row.get("int8_probabilities"));
            float[] probs = new float[p.size()];
            for (int i = 0; i < probs.length; i++) {
                probs[i] = (float) JsonValues.number(p.get(i), 0);
            }
            cases.add(new SelfTestCase(JsonValues.text(row.get("normalised")), probs));
        }
        if (cases.isEmpty()) {
            throw new IOException(PARITY + " holds no reference texts");
        }
        return cases;
    }

    private static ModelInfo info(Map<String, Object> m, BundleFiles files) {
        String origin = files.origin();
        List<Category> labels = new ArrayList<>();
        List<Object> ls = JsonValues.array(m.get("labels"));
        if (ls.isEmpty()) {
            throw new ModelLoadException("model manifest of " + origin + " has no labels");
        }
        for (Object l : ls) {
            try {
                labels.add(Category.fromId(JsonValues.text(l)));
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException("model manifest of " + origin + ": " + e.getMessage(), e);
            }
        }
        int maxLength = files.maxLength(m);
        Map<Category, Thresholds> recommended = new EnumMap<>(Category.class);
        JsonValues.object(m.get("thresholds")).forEach((category, value) -> {
            try {
                Map<String, Object> t = JsonValues.object(value);
                recommended.put(Category.fromId(category), new Thresholds(JsonValues.number(t.get("flag"), 0),
                        JsonValues.number(t.get("require_approval"), 0), JsonValues.number(t.get("block"), 0)));
            } catch (IllegalArgumentException ex) {
                throw new ModelLoadException("model manifest of " + origin + ", thresholds." + category + ": "
                        + ex.getMessage(), ex);
            }
        });
        return new ModelInfo(files.text(m, "id"), JsonValues.text(m.get("version")), labels, maxLength,
                recommended);
    }

    /** Id, labels, window length and recommended thresholds from the manifest. */
    public ModelInfo info() {
        return info;
    }

    /** The verified SHA-256 of model.onnx, to pin in deployment config. */
    public String sha256() {
        return sha256;
    }

    /** Where the bundle was loaded from. */
    public String origin() {
        return origin;
    }

    List<SelfTestCase> selfTest() {
        return selfTest;
    }

    byte[] modelBytes() {
        return model;
    }

    Screen screen() {
        return screen;
    }

    /** The document-level n-gram member per label (in the model's label order), or null in a bundle without one. */
    List<DocumentStack> stacks() {
        return stacks;
    }

    byte[] tokenizerBytes() {
        return tokenizer;
    }
}
