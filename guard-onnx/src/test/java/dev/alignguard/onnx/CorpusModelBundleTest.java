package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ModelLoadException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorpusModelBundleTest {

    /** A class loader that sees only {@code root} (and the JDK), as a host without the artifact's jar would. */
    private static URLClassLoader onlyOn(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void loadsTheManifestTheBundlingScriptWrites(@TempDir Path dir) throws IOException {
        CorpusModelBundle b = CorpusModelBundle.fromDirectory(TinyModelBundle.corpus(dir));
        assertEquals("tiny-test-model", b.id());
        assertEquals("0.0.1", b.version());
        assertEquals(128, b.maxLength());
        assertEquals(OptionalDouble.of(0.5), b.threshold());
        assertEquals(OptionalInt.empty(), b.strideTokens());
        assertEquals(BundleFiles.sha256(Files.readAllBytes(dir.resolve(CorpusModelBundle.MODEL))), b.sha256());
        assertEquals(dir.toString(), b.origin());
    }

    @Test
    void loadsFromTheArtifactsClassPathLocation(@TempDir Path dir) throws IOException {
        Path location = Files.createDirectories(dir.resolve(CorpusModelBundle.CLASSPATH_LOCATION));
        TinyModelBundle.corpus(location);
        try (URLClassLoader cl = onlyOn(dir)) {
            CorpusModelBundle b = CorpusModelBundle.fromClassLoader(cl);
            assertEquals("classpath:" + CorpusModelBundle.CLASSPATH_LOCATION, b.origin());
            assertEquals(OptionalDouble.of(0.5), b.threshold());
        }
    }

    @Test
    void namesTheArtifactToAddWhenItIsNotOnTheClassPath(@TempDir Path dir) throws IOException {
        try (URLClassLoader cl = onlyOn(dir)) {
            ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromClassLoader(cl));
            assertEquals("corpus model file dev/alignguard/model/corpus/alignguard-corpus-model.json is not on the "
                    + "class path: add the dev.alignguard:guard-model-corpus dependency", e.getMessage());
        }
    }

    @Test
    void saysTheArtifactHoldsNoModelWhenItWasBuiltWithout(@TempDir Path dir) throws IOException {
        Path location = Files.createDirectories(dir.resolve(CorpusModelBundle.CLASSPATH_LOCATION));
        Files.writeString(location.resolve(CorpusModelBundle.TOKENIZER), "{}");
        try (URLClassLoader cl = onlyOn(dir)) {
            ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromClassLoader(cl));
            assertTrue(e.getMessage().startsWith("the dev.alignguard:guard-model-corpus on the class path has no "
                    + "dev/alignguard/model/corpus/alignguard-corpus-model.json: it is built without the trained "
                    + "model until training/bundle_malevolence.py has put it there"), e.getMessage());
        }
    }

    @Test
    void refusesAModelWhoseChecksumIsNotTheManifests(@TempDir Path dir) throws IOException {
        Path model = TinyModelBundle.corpus(dir).resolve(CorpusModelBundle.MODEL);
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(model, bytes);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().startsWith("corpus model bundle " + dir + " is corrupt or tampered with: model.onnx "
                + "has sha256 " + BundleFiles.sha256(bytes) + " but the manifest expects "), e.getMessage());
    }

    @Test
    void refusesAModelOfAnotherSizeThanTheManifestStates(@TempDir Path dir) throws IOException {
        Path model = TinyModelBundle.corpus(dir).resolve(CorpusModelBundle.MODEL);
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertEquals("cannot read corpus model bundle " + dir + ": model.onnx is " + (bytes.length - 1) + " bytes, "
                + "its manifest states " + bytes.length, e.getMessage());
    }

    @Test
    void refusesATokenizerOtherThanTheOneTheModelWasTrainedWith(@TempDir Path dir) throws IOException {
        Path tokenizer = TinyModelBundle.corpus(dir).resolve(CorpusModelBundle.TOKENIZER);
        byte[] bytes = Files.readAllBytes(tokenizer);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(tokenizer, bytes);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("tokenizer.json has sha256"), e.getMessage());
    }

    @Test
    void namesTheMissingModelFile(@TempDir Path dir) throws IOException {
        Files.delete(TinyModelBundle.corpus(dir).resolve(CorpusModelBundle.MODEL));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertEquals("corpus model bundle file " + dir.resolve("model.onnx") + " is missing", e.getMessage());
    }

    @Test
    void refusesAGuardModelBundleSayingWhereTheCorpusModelIs(@TempDir Path dir) throws IOException {
        ModelBundleTest.copyBundle(dir);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertEquals(dir + " is a guard model bundle (alignguard-model.json), not a corpus model bundle "
                + "(alignguard-corpus-model.json): the corpus audit's model is dev.alignguard:guard-model-corpus",
                e.getMessage());
    }

    @Test
    void refusesAThresholdThatIsNotAProbability(@TempDir Path dir) {
        TinyModelBundle.editManifest(TinyModelBundle.corpus(dir),
                m -> m.replace("\"threshold\": 0.5", "\"threshold\": 1.5"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertEquals("corpus model manifest of " + dir + ": threshold must be a number in (0, 1]", e.getMessage());
    }

    @Test
    void readsTheStrideTheModelWasTrainedWith(@TempDir Path dir) {
        TinyModelBundle.editManifest(TinyModelBundle.corpus(dir),
                m -> m.replace("\"threshold\": 0.5,", "\"threshold\": 0.5, \"stride_tokens\": 64,"));
        assertEquals(OptionalInt.of(64), CorpusModelBundle.fromDirectory(dir).strideTokens());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "127", "63.5", "\"64\""})
    void refusesAStrideThatIsNotAWholeNumberWithinTheWindow(String stride, @TempDir Path dir) {
        TinyModelBundle.editManifest(TinyModelBundle.corpus(dir),
                m -> m.replace("\"threshold\": 0.5,", "\"threshold\": 0.5, \"stride_tokens\": " + stride + ","));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertEquals("corpus model manifest of " + dir + ": stride_tokens must be a whole number from 1 to 126 "
                + "(max_length less [CLS] and [SEP])", e.getMessage());
    }

    @Test
    void refusesAManifestNamingAnotherOutput(@TempDir Path dir) {
        TinyModelBundle.editManifest(TinyModelBundle.corpus(dir),
                m -> m.replace("\"output\": \"ai_malevolence\"", "\"output\": \"toxicity\""));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertEquals("corpus model manifest of " + dir + " names output toxicity; the corpus audit reads "
                + "ai_malevolence", e.getMessage());
    }

    private static final String STACK = "{\"window_logit\": 1.0, \"ngram_logit\": 2.0, \"bias\": -1.0}";

    @Test
    void loadsADocumentLevelNgramMemberWithItsStack(@TempDir Path dir) {
        TinyModelBundle.withNgram(TinyModelBundle.corpus(dir), new float[16], 0.25, STACK);
        DocumentStack stack = CorpusModelBundle.fromDirectory(dir).stack().orElseThrow();
        assertEquals(1.0, stack.windowWeight());
        assertEquals(2.0, stack.ngramWeight());
        assertEquals(-1.0, stack.bias());
        assertEquals(0.25, stack.ngram().logit("any document"), 0);
    }

    @Test
    void aWindowModelAloneHasNoStack(@TempDir Path dir) {
        assertTrue(CorpusModelBundle.fromDirectory(TinyModelBundle.corpus(dir)).stack().isEmpty());
    }

    @Test
    void refusesNgramWeightsWhoseChecksumIsNotTheManifests(@TempDir Path dir) throws IOException {
        TinyModelBundle.withNgram(TinyModelBundle.corpus(dir), new float[16], 0.25, STACK);
        byte[] bytes = Files.readAllBytes(dir.resolve(CorpusModelBundle.NGRAM));
        bytes[0] ^= 0x01;
        Files.write(dir.resolve(CorpusModelBundle.NGRAM), bytes);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("is corrupt or tampered with: ngram.f32 has sha256"), e.getMessage());
    }

    /** A bundle with an n-gram member whose manifest has {@code from} replaced by {@code to} is refused naming why. */
    private static void assertEditedMemberRefused(Path dir, String from, String to, String message) {
        TinyModelBundle.withNgram(TinyModelBundle.corpus(dir), new float[16], 0.25, STACK);
        TinyModelBundle.editManifest(dir, m -> m.replace(from, to));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void refusesAnNgramMemberWithoutItsStack(@TempDir Path dir) {
        TinyModelBundle.withNgram(TinyModelBundle.corpus(dir), new float[16], 0.25, STACK);
        TinyModelBundle.editManifest(dir, m -> m.replace("\"stack\": " + STACK + ",", ""));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().endsWith("must state both ngram and stack, or neither"), e.getMessage());
    }

    @Test
    void refusesCharacterNgramsThisVersionDoesNotCompute(@TempDir Path dir) {
        assertEditedMemberRefused(dir, "\"char_ngrams\": [3, 5]", "\"char_ngrams\": [2, 4]",
                "computes character n-grams of 3 and 5 every 2 code points");
    }

    @Test
    void refusesADimensionOtherThanTheWeightsFiles(@TempDir Path dir) {
        assertEditedMemberRefused(dir, "\"dim\": 16", "\"dim\": 32",
                "ngram dim 32.0 does not match ngram.f32 (64 bytes of float32 for 1 output(s))");
    }

    @Test
    void refusesAStackThatGivesAMemberNoWeight(@TempDir Path dir) {
        TinyModelBundle.withNgram(TinyModelBundle.corpus(dir), new float[16], 0.25,
                "{\"window_logit\": 1.0, \"ngram_logit\": 0.0, \"bias\": 0.0}");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> CorpusModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().contains("stack weights must be finite and positive"), e.getMessage());
    }
}
