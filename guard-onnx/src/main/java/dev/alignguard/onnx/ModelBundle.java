package dev.alignguard.onnx;

import dev.alignguard.core.Category;
import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.Thresholds;
import dev.alignguard.core.classify.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A model bundle in memory and verified: {@code model.onnx} (its SHA-256 must equal the manifest's),
 * {@code tokenizer.json}, the manifest {@code alignguard-model.json} (id, version, labels, max length,
 * recommended thresholds) and {@code parity.jsonl} (reference texts with the scores the model gave them when
 * it was built, used as a start-up self-test), and optionally a screening model for the cascade (the manifest's
 * {@code screen} section: file, SHA-256, per-label {@code clear_below}), and for bundles whose model has the corpus
 * audit's {@code ai_malevolence} output, its recommended threshold ({@code ai_malevolence.threshold}). Loaded from the class path (the
 * guard-model jar) or from a directory.
 */
public final class ModelBundle {
    /** Where the guard-model jar keeps the bundled model. */
    public static final String CLASSPATH_LOCATION = "dev/alignguard/model/";
    static final String MODEL = "model.onnx";
    static final String TOKENIZER = "tokenizer.json";
    static final String MANIFEST = "alignguard-model.json";
    static final String PARITY = "parity.jsonl";
    private static final int SELF_TEST_CASES = 4;
    /** The manifest members the loader reads; the rest (metrics, training data, calibration notes) is skipped. */
    private static final Set<String> MANIFEST_MEMBERS = Set.of("id", "version", "labels", "max_length", "model",
            "sha256", "thresholds", "screen", "ai_malevolence");
    private static final long MAX_MODEL_BYTES = 512L << 20;
    /** Files up to this size are read into one array of the size their manifest states. */
    private static final long EXACT_READ_MAX_BYTES = 64L << 20;

    private final ModelInfo info;
    private final byte[] model;
    private final byte[] tokenizer;
    private final String sha256;
    private final String origin;
    private final List<SelfTestCase> selfTest;
    private final Screen screen;
    private final OptionalDouble aiMalevolenceThreshold;

    private ModelBundle(ModelInfo info, byte[] model, byte[] tokenizer, String sha256, String origin,
                        List<SelfTestCase> selfTest, Screen screen, OptionalDouble aiMalevolenceThreshold) {
        this.info = info;
        this.model = model;
        this.tokenizer = tokenizer;
        this.sha256 = sha256;
        this.origin = origin;
        this.selfTest = selfTest;
        this.screen = screen;
        this.aiMalevolenceThreshold = aiMalevolenceThreshold;
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
        ClassLoader cl = ModelBundle.class.getClassLoader();
        return load("classpath:" + CLASSPATH_LOCATION, name -> {
            InputStream in = cl.getResourceAsStream(CLASSPATH_LOCATION + name);
            if (in == null) {
                throw new ModelLoadException("bundled model file " + CLASSPATH_LOCATION + name
                        + " is not on the class path: add the dev.alignguard:guard-model dependency");
            }
            return in;
        });
    }

    /**
     * A bundle from a directory holding model.onnx, tokenizer.json and alignguard-model.json.
     *
     * @throws ModelLoadException when a file is missing or the bundle is corrupt
     */
    public static ModelBundle fromDirectory(Path dir) {
        return load(dir.toString(), name -> {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) {
                throw new ModelLoadException("model bundle file " + p + " is missing");
            }
            if (Files.size(p) > MAX_MODEL_BYTES) {
                throw new ModelLoadException("model bundle file " + p + " is larger than 512 MiB");
            }
            return Files.newInputStream(p);
        });
    }

    /** Opens one file of a bundle. */
    @FunctionalInterface
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static ModelBundle load(String origin, Opener files) {
        Map<String, Object> manifest;
        byte[] model;
        byte[] tokenizer;
        List<SelfTestCase> selfTest;
        Screen screen;
        try {
            manifest = JsonValues.object(JsonValues.parse(utf8(read(files, MANIFEST)), MANIFEST_MEMBERS));
            model = read(files, MODEL, statedSize(manifest.get("model")));
            tokenizer = read(files, TOKENIZER);
            selfTest = selfTest(utf8(read(files, PARITY)));
            screen = manifest.containsKey("screen") ? screen(manifest, files, origin) : null;
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model bundle " + origin + ": " + e.getMessage(), e);
        }
        Map<String, Object> modelSection = JsonValues.object(manifest.get("model"));
        String expected = modelSection.containsKey("sha256") ? text(modelSection, "sha256", origin)
                : text(manifest, "sha256", origin);
        String actual = verified(model, MODEL, expected, origin);
        return new ModelBundle(info(manifest, origin), model, tokenizer, actual, origin, selfTest, screen,
                aiMalevolenceThreshold(manifest, origin));
    }

    private static String verified(byte[] bytes, String name, String expected, String origin) {
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ModelLoadException("model bundle " + origin + " is corrupt or tampered with: " + name + " has "
                    + "sha256 " + actual + " but the manifest expects " + expected);
        }
        return actual;
    }

    private static Screen screen(Map<String, Object> manifest, Opener files, String origin) throws IOException {
        Map<String, Object> s = JsonValues.object(manifest.get("screen"));
        String file = text(s, "file", origin);
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new ModelLoadException("model manifest of " + origin + ": screen.file must be a plain file name");
        }
        byte[] bytes = read(files, file, statedSize(s));
        String sha = verified(bytes, file, text(s, "sha256", origin), origin);
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

    /** The manifest's {@code ai_malevolence.threshold}: empty without one, a probability in (0, 1] when given. */
    private static OptionalDouble aiMalevolenceThreshold(Map<String, Object> manifest, String origin) {
        if (!manifest.containsKey("ai_malevolence")) {
            return OptionalDouble.empty();
        }
        Object t = JsonValues.object(manifest.get("ai_malevolence")).get("threshold");
        if (t == null) {
            return OptionalDouble.empty();
        }
        double v = JsonValues.number(t, Double.NaN);
        if (!(v > 0 && v <= 1)) {
            throw new ModelLoadException("model manifest of " + origin + ": ai_malevolence.threshold must be a "
                    + "number in (0, 1]");
        }
        return OptionalDouble.of(v);
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

    private static byte[] read(Opener files, String name) throws IOException {
        try (InputStream in = files.open(name)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_MODEL_BYTES + 1));
        }
    }

    /**
     * Reads a file whose size the manifest states into one array of exactly that size: reading a 24 MB model
     * in unknown-size chunks and copying them together touches twice the heap, which stays resident. A file of
     * another size is refused (its checksum could not match anyway). Without a stated size, or with one above
     * {@link #EXACT_READ_MAX_BYTES} (a manifest must not make the loader allocate what the file does not hold),
     * reads in chunks as above; a stated size is checked either way.
     */
    private static byte[] read(Opener files, String name, long statedSize) throws IOException {
        if (statedSize <= 0) {
            return read(files, name);
        }
        if (statedSize > EXACT_READ_MAX_BYTES) {
            byte[] bytes = read(files, name);
            if (bytes.length != statedSize) {
                throw new IOException(name + " is " + bytes.length + " bytes, its manifest states " + statedSize);
            }
            return bytes;
        }
        try (InputStream in = files.open(name)) {
            byte[] bytes = new byte[(int) statedSize];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n != bytes.length || in.read() != -1) {
                throw new IOException(name + " is " + (n < bytes.length ? n + " bytes" : "longer")
                        + ", its manifest states " + statedSize);
            }
            return bytes;
        }
    }

    /** The {@code size_bytes} of a manifest section, or -1 when it states none. */
    private static long statedSize(Object section) {
        if (!(section instanceof Map<?, ?> m)) {
            return -1;
        }
        double size = JsonValues.number(m.get("size_bytes"), -1);
        return size == Math.rint(size) ? (long) size : -1;
    }

    private static ModelInfo info(Map<String, Object> m, String origin) {
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
        int maxLength = (int) JsonValues.number(m.get("max_length"), 0);
        if (maxLength < 8 || maxLength > 8192) {
            throw new ModelLoadException("model manifest of " + origin + " has an invalid max_length " + maxLength);
        }
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
        return new ModelInfo(text(m, "id", origin), JsonValues.text(m.get("version")), labels, maxLength,
                recommended);
    }

    private static String text(Map<String, Object> m, String field, String origin) {
        String v = JsonValues.text(m.get(field));
        if (v.isEmpty()) {
            throw new ModelLoadException("model manifest of " + origin + " has no " + field);
        }
        return v;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
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

    /** The threshold the manifest recommends for the {@code ai_malevolence} output, if it states one. */
    OptionalDouble aiMalevolenceThreshold() {
        return aiMalevolenceThreshold;
    }

    byte[] tokenizerBytes() {
        return tokenizer;
    }
}
