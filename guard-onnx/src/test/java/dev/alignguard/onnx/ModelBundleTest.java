package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.Category;
import dev.alignguard.core.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    /** The bundled screening model's file name (the manifest's screen.file). */
    static final String SCREEN = "student.onnx";

    /** Copies the bundled model's files into {@code dir}. */
    static Path copyBundle(Path dir) throws IOException {
        for (String f : List.of(ModelBundle.MODEL, ModelBundle.TOKENIZER, ModelBundle.MANIFEST, ModelBundle.PARITY,
                SCREEN, NgramSection.FILE)) {
            try (InputStream in = ModelBundle.class.getClassLoader()
                    .getResourceAsStream(ModelBundle.CLASSPATH_LOCATION + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    /** The bundled model's files in {@code dir} without the n-gram member: the transformer (and screen) alone. */
    static ModelBundle transformerOnly(Path dir) throws IOException {
        copyBundle(dir);
        Path manifest = dir.resolve(ModelBundle.MANIFEST);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode m = (ObjectNode) mapper.readTree(manifest.toFile());
        m.remove(List.of("ngram", "stack"));
        mapper.writeValue(manifest.toFile(), m);
        Files.delete(dir.resolve(NgramSection.FILE));
        return ModelBundle.fromDirectory(dir);
    }

    @Test
    void bundledModelLoadsWithVerifiedChecksumAndLabels() {
        ModelBundle b = ModelBundle.bundled();
        assertEquals(List.of(Category.BLACKMAIL, Category.COERCION, Category.SELF_PRESERVATION), b.info().labels());
        assertEquals(64, b.sha256().length());
        assertEquals(3, b.info().recommendedThresholds().size());
    }

    @Test
    void everyBundledModelFileStaysWithinThirtyMegabytes(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        for (String f : List.of(ModelBundle.MODEL, SCREEN, NgramSection.FILE)) {
            long size = Files.size(dir.resolve(f));
            assertTrue(size <= 30_000_000L, f + " is " + size + " bytes, over the 30 MB limit for a bundled model");
        }
    }

    /** Flips one bit in the middle of the bundle file {@code file} in {@code dir}; the load must fail saying so. */
    private static void assertTamperedFileRejected(Path dir, String file, String message) throws IOException {
        copyBundle(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve(file));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(dir.resolve(file), bytes);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void tamperedModelIsRejectedAtLoad(@TempDir Path dir) throws IOException {
        assertTamperedFileRejected(dir, ModelBundle.MODEL, "corrupt or tampered");
    }

    @Test
    void bundledModelHasAnNgramMemberPerLabel() {
        assertEquals(3, ModelBundle.bundled().stacks().size());
    }

    @Test
    void tamperedNgramWeightsAreRejectedAtLoad(@TempDir Path dir) throws IOException {
        assertTamperedFileRejected(dir, NgramSection.FILE, NgramSection.FILE + " has sha256");
    }

    @Test
    void tamperedScreeningModelIsRejectedAtLoad(@TempDir Path dir) throws IOException {
        assertTamperedFileRejected(dir, SCREEN, SCREEN + " has sha256");
    }

    @Test
    void screeningModelOutsideTheBundleDirectoryIsRejected(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        Path manifest = dir.resolve(ModelBundle.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"file\": \"" + SCREEN + "\"",
                "\"file\": \"../" + SCREEN + "\""));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("screen.file must be a plain file name"), e.getMessage());
    }

    @Test
    void truncatedModelIsRejectedAtLoad(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        byte[] model = Files.readAllBytes(dir.resolve(ModelBundle.MODEL));
        Files.write(dir.resolve(ModelBundle.MODEL), java.util.Arrays.copyOf(model, model.length / 3));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("its manifest states " + model.length), e.getMessage());
    }

    @Test
    void manifestStatingAHugeModelSizeIsRefusedWithoutAllocatingIt(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        Path manifest = dir.resolve(ModelBundle.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"size_bytes\"\\s*:\\s*\\d+",
                "\"size_bytes\": 536870000"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("its manifest states 536870000"), e.getMessage());
    }

    @Test
    void modelWithBytesAppendedIsRejectedAtLoad(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        byte[] model = Files.readAllBytes(dir.resolve(ModelBundle.MODEL));
        Files.write(dir.resolve(ModelBundle.MODEL), java.util.Arrays.copyOf(model, model.length + 16));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("model.onnx is longer, its manifest states " + model.length),
                e.getMessage());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        Files.delete(dir.resolve(ModelBundle.TOKENIZER));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("tokenizer.json is missing"), e.getMessage());
    }

    @Test
    void manifestListingOtherLabelsThanTheModelOutputsIsRejected(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        Path manifest = dir.resolve(ModelBundle.MANIFEST);
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replaceFirst("\"labels\"\\s*:\\s*\\[[^\\]]*\\]",
                "\"labels\": [\"blackmail\", \"coercion\"]"));
        // its n-gram member holds three labels' weights, which the loader refuses first
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("ngram dim 262144.0 does not match ngram.f32 (3145728 bytes of float32 "
                + "for 2 output(s))"), e.getMessage());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode m = (ObjectNode) mapper.readTree(manifest.toFile());
        m.remove(List.of("ngram", "stack"));
        mapper.writeValue(manifest.toFile(), m);
        assertClassifierRejects(dir, "outputs 3 labels");
    }

    @Test
    void wrongTokenizerFailsTheStartUpSelfTest(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        Path tokenizer = dir.resolve(ModelBundle.TOKENIZER);
        // a tokenizer that no longer lower-cases: every capitalised word maps to other ids
        Files.writeString(tokenizer, Files.readString(tokenizer).replace("\"lowercase\": true", "\"lowercase\": false")
                .replace("\"lowercase\":true", "\"lowercase\":false"));
        assertClassifierRejects(dir, "self-test");
    }

    /** The bundle in {@code dir} passes its checksum but the classifier refuses it at start-up. */
    private static void assertClassifierRejects(Path dir, String reason) {
        ModelBundle bundle = ModelBundle.fromDirectory(dir);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> OnnxClassifier.load(bundle, OnnxClassifier.Options.DEFAULT));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void unknownLabelInManifestIsRejected(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        Path manifest = dir.resolve(ModelBundle.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"coercion\"", "\"extortion\""));
        assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
    }

    @Test
    void pinnedChecksumMustMatch() {
        ModelBundle b = ModelBundle.bundled();
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> OnnxClassifier.load(b,
                OnnxClassifier.Options.DEFAULT.withPinnedSha256("00".repeat(32))));
        assertTrue(e.getMessage().contains("is pinned"));
    }

    @Test
    void corruptManifestIsAClearError(@TempDir Path dir) throws IOException {
        copyBundle(dir);
        Files.writeString(dir.resolve(ModelBundle.MANIFEST), "{not json");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().startsWith("cannot read model bundle"), e.getMessage());
    }
}
