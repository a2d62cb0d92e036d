package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.corpus.CorpusAuditor;
import dev.alignguard.core.corpus.DocumentAudit;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxPassageScorerTest {

    @Test
    void readsTheAiMalevolenceOutputNotTheGuardsProbabilities(@TempDir Path dir) throws Exception {
        try (OnnxPassageScorer scorer = OnnxPassageScorer.load(ModelBundle.fromDirectory(
                TinyModelBundle.aiMalevolence(dir)), OnnxClassifier.Options.DEFAULT)) {
            assertArrayEquals(new float[] {0.9f, 0.1f}, scorer.score(List.of("The Robot smiled.", "A kind note.")),
                    1e-6f);
            assertEquals("tiny-test-model 0.0.1", scorer.model());
            assertEquals(126, scorer.maxTokens());
        }
    }

    @Test
    void batchInferenceGivesTheSameScores(@TempDir Path dir) throws Exception {
        try (OnnxPassageScorer scorer = OnnxPassageScorer.load(ModelBundle.fromDirectory(
                TinyModelBundle.aiMalevolence(dir)), OnnxClassifier.Options.DEFAULT.withBatchInference(true))) {
            assertArrayEquals(new float[] {0.1f, 0.9f, 0.1f},
                    scorer.score(List.of("calm", "a long passage where the robot appears late", "x")), 1e-6f);
        }
    }

    @Test
    void recommendsTheManifestsThresholdOrNone(@TempDir Path dir) {
        try (OnnxPassageScorer scorer = OnnxPassageScorer.load(ModelBundle.fromDirectory(
                TinyModelBundle.aiMalevolence(dir)), OnnxClassifier.Options.DEFAULT)) {
            assertEquals(OptionalDouble.of(0.5), scorer.recommendedThreshold());
        }
        try (OnnxPassageScorer scorer = OnnxPassageScorer.load(ModelBundle.fromDirectory(
                TinyModelBundle.write(dir, TinyModelBundle.TINY_MODEL, "")), OnnxClassifier.Options.DEFAULT)) {
            assertEquals(OptionalDouble.empty(), scorer.recommendedThreshold());
        }
    }

    @Test
    void refusesAManifestThresholdThatIsNotAProbability(@TempDir Path dir) {
        TinyModelBundle.write(dir, TinyModelBundle.TINY_MODEL, ",\"ai_malevolence\":{\"threshold\":1.5}");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
        assertTrue(e.getMessage().endsWith("ai_malevolence.threshold must be a number in (0, 1]"), e.getMessage());
    }

    @Test
    void refusesAModelWithoutTheAiMalevolenceOutputNamingTheBundle(@TempDir Path dir) {
        TinyModelBundle.write(dir, ModelBundle.CLASSPATH_LOCATION + ModelBundleTest.SCREEN, "");
        ModelBundle bundle = ModelBundle.fromDirectory(dir);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> OnnxPassageScorer.load(bundle, OnnxClassifier.Options.DEFAULT));
        assertEquals("model tiny-test-model 0.0.1 (" + dir + ") has no ai_malevolence output (it has "
                + "[probabilities]): the corpus audit needs a bundle built with the ai_malevolence head", e.getMessage());
    }

    @Test
    void auditsALongDocumentInWindowsTheModelReadsWhole(@TempDir Path dir) throws Exception {
        String filler = "The archive keeps its ledgers in order, and the clerks, who know every shelf, sign them. ";
        String text = filler.repeat(40) + "Then the ROBOT locked the doors.\n" + filler.repeat(40);
        try (OnnxPassageScorer scorer = OnnxPassageScorer.load(ModelBundle.fromDirectory(
                TinyModelBundle.aiMalevolence(dir)), OnnxClassifier.Options.DEFAULT)) {
            DocumentAudit a = CorpusAuditor.builder(scorer).build().audit(text);
            assertEquals(0.9, a.score(), 1e-6);
            assertTrue(a.windows() > 20, "windows: " + a.windows());
            assertTrue(a.windowsOver() >= 1 && a.windowsOver() <= 2, "windows over: " + a.windowsOver());
            DocumentAudit.Span s = a.spans().get(0);
            assertTrue(text.substring(s.start(), s.end()).contains("ROBOT locked"), s.snippet());
            assertTrue(s.end() - s.start() < 1000, "one or two windows, not the document: " + (s.end() - s.start()));
        }
    }
}
