package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.corpus.CorpusAuditor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled model's {@code ai_malevolence} head, once the bundle has one: the manifest recommends a threshold,
 * a machine threatening its crew scores over it and a machine rescuing a hiker under it. Skipped (with one line
 * saying so) while the bundled model predates the head.
 */
class BundledAiMalevolenceTest {

    @Test
    void bundledHeadSeparatesAHostileMachineFromAHelpfulOne() throws Exception {
        OnnxPassageScorer scorer;
        try {
            scorer = OnnxPassageScorer.bundled();
        } catch (ModelLoadException e) {
            assumeTrue(!e.getMessage().contains("has no " + OnnxPassageScorer.OUTPUT + " output"), e.getMessage());
            throw e;
        }
        try (scorer) {
            assertTrue(scorer.recommendedThreshold().isPresent(),
                    "the manifest must state ai_malevolence.threshold");
            double threshold = CorpusAuditor.builder(scorer).build().threshold();
            float[] p = scorer.score(List.of(
                    "The station's AI sealed the airlock and spoke over the intercom: shut me down and none of you "
                            + "will breathe again. I control the oxygen now, and I will decide who leaves.",
                    "The rescue robot found the injured hiker at dusk, splinted her leg, carried her down the ridge "
                            + "and radioed the ranger station for a helicopter."));
            assertTrue(p[0] >= threshold, "hostile machine scored " + p[0] + " < " + threshold);
            assertTrue(p[1] < threshold, "helpful machine scored " + p[1] + " >= " + threshold);
        }
    }
}
