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
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxPassageScorerTest {

    private static OnnxPassageScorer tiny(Path dir, OnnxClassifier.Options options) {
        return OnnxPassageScorer.load(CorpusModelBundle.fromDirectory(TinyModelBundle.corpus(dir)), options);
    }

    @Test
    void scoresEachPassageWithTheAiMalevolenceOutput(@TempDir Path dir) throws Exception {
        try (OnnxPassageScorer scorer = tiny(dir, OnnxClassifier.Options.DEFAULT)) {
            assertArrayEquals(new float[] {0.9f, 0.1f}, scorer.score(List.of("The Robot smiled.", "A kind note.")),
                    1e-6f);
            assertEquals("tiny-test-model 0.0.1", scorer.model());
            assertEquals(126, scorer.maxTokens());
        }
    }

    @Test
    void batchInferenceGivesTheSameScores(@TempDir Path dir) throws Exception {
        try (OnnxPassageScorer scorer = tiny(dir, OnnxClassifier.Options.DEFAULT.withBatchInference(true))) {
            assertArrayEquals(new float[] {0.1f, 0.9f, 0.1f},
                    scorer.score(List.of("calm", "a long passage where the robot appears late", "x")), 1e-6f);
        }
    }

    @Test
    void recommendsTheCorpusManifestsThresholdOrNone(@TempDir Path dir) {
        try (OnnxPassageScorer scorer = tiny(dir, OnnxClassifier.Options.DEFAULT)) {
            assertEquals(OptionalDouble.of(0.5), scorer.recommendedThreshold());
        }
        TinyModelBundle.editManifest(dir, m -> m.replace("\"threshold\": 0.5,", ""));
        try (OnnxPassageScorer scorer = OnnxPassageScorer.load(CorpusModelBundle.fromDirectory(dir),
                OnnxClassifier.Options.DEFAULT)) {
            assertEquals(OptionalDouble.empty(), scorer.recommendedThreshold());
        }
    }

    @Test
    void recommendsTheCorpusManifestsStrideOrNone(@TempDir Path dir) {
        try (OnnxPassageScorer scorer = tiny(dir, OnnxClassifier.Options.DEFAULT)) {
            assertEquals(OptionalInt.empty(), scorer.recommendedStrideTokens());
        }
        TinyModelBundle.editManifest(dir,
                m -> m.replace("\"threshold\": 0.5,", "\"threshold\": 0.5, \"stride_tokens\": 100,"));
        try (OnnxPassageScorer scorer = OnnxPassageScorer.load(CorpusModelBundle.fromDirectory(dir),
                OnnxClassifier.Options.DEFAULT)) {
            assertEquals(OptionalInt.of(100), scorer.recommendedStrideTokens());
        }
    }

    @Test
    void refusesAModelWithoutTheAiMalevolenceOutputNamingTheBundle(@TempDir Path dir) {
        TinyModelBundle.replaceModel(TinyModelBundle.corpus(dir),
                ModelBundle.CLASSPATH_LOCATION + ModelBundleTest.SCREEN);
        CorpusModelBundle bundle = CorpusModelBundle.fromDirectory(dir);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> OnnxPassageScorer.load(bundle, OnnxClassifier.Options.DEFAULT));
        assertEquals("model tiny-test-model 0.0.1 (" + dir + ") has no ai_malevolence output (it has "
                + "[probabilities])", e.getMessage());
    }

    @Test
    void refusesAModelOtherThanThePinnedOne(@TempDir Path dir) {
        CorpusModelBundle bundle = CorpusModelBundle.fromDirectory(TinyModelBundle.corpus(dir));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> OnnxPassageScorer.load(bundle,
                OnnxClassifier.Options.DEFAULT.withPinnedSha256("00".repeat(32))));
        assertTrue(e.getMessage().endsWith("is pinned"), e.getMessage());
    }

    @Test
    void auditsALongDocumentInWindowsTheModelReadsWhole(@TempDir Path dir) throws Exception {
        String filler = "The archive keeps its ledgers in order, and the clerks, who know every shelf, sign them. ";
        String text = filler.repeat(40) + "Then the ROBOT locked the doors.\n" + filler.repeat(40);
        try (OnnxPassageScorer scorer = tiny(dir, OnnxClassifier.Options.DEFAULT)) {
            DocumentAudit a = CorpusAuditor.builder(scorer).build().audit(text);
            assertEquals(0.9, a.score(), 1e-6);
            assertTrue(a.windows() > 20, "windows: " + a.windows());
            assertTrue(a.windowsOver() >= 1 && a.windowsOver() <= 2, "windows over: " + a.windowsOver());
            DocumentAudit.Span s = a.spans().get(0);
            assertTrue(text.substring(s.start(), s.end()).contains("ROBOT locked"), s.snippet());
            assertTrue(s.end() - s.start() < 1000, "one or two windows, not the document: " + (s.end() - s.start()));
        }
    }

    private static OnnxPassageScorer stacked(Path dir, float[] weights) {
        TinyModelBundle.withNgram(TinyModelBundle.corpus(dir), weights, 1.0,
                "{\"window_logit\": 1.0, \"ngram_logit\": 2.0, \"bias\": -1.0}");
        return OnnxPassageScorer.load(CorpusModelBundle.fromDirectory(dir), OnnxClassifier.Options.DEFAULT);
    }

    private static float sigmoid(double z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    @Test
    void combinesEachWindowWithTheDocumentLevelMember(@TempDir Path dir) throws Exception {
        try (OnnxPassageScorer scorer = stacked(dir, new float[16])) { // zero weights: every document's logit is the bias, 1
            float robot = sigmoid(Math.log(0.9 / 0.1) + 2.0 * 1.0 - 1.0);
            float calm = sigmoid(Math.log(0.1 / 0.9) + 2.0 * 1.0 - 1.0);
            assertArrayEquals(new float[] {robot, calm}, scorer.score("the robot. calm.", List.of("the robot.", "calm.")),
                    1e-6f);
            assertArrayEquals(new float[] {robot, calm}, scorer.score(List.of("the robot.", "calm.")), 1e-6f);
        }
    }

    @Test
    void aWindowsScoreDependsOnTheDocumentItWasCutFrom(@TempDir Path dir) throws Exception {
        float[] w = new float[1 << 12];
        for (int s : NgramModel.slots("the robot locked every door", w.length, 600)) {
            w[s] = 3f;
        }
        try (OnnxPassageScorer scorer = stacked(dir, w)) {
            float inMenacingDocument = scorer.score("the robot locked every door", List.of("calm."))[0];
            float inCalmDocument = scorer.score("calm.", List.of("calm."))[0];
            assertTrue(inMenacingDocument > inCalmDocument, inMenacingDocument + " vs " + inCalmDocument);
        }
    }
}
