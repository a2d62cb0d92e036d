package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.corpus.CorpusAuditor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corpus model that guard-model-corpus ships: its manifest recommends a threshold, a machine threatening its
 * crew scores over it and a machine rescuing a hiker under it.
 */
class BundledAiMalevolenceTest {

    @Test
    void bundledModelSeparatesAHostileMachineFromAHelpfulOne() throws Exception {
        try (OnnxPassageScorer scorer = OnnxPassageScorer.bundled()) {
            assertTrue(scorer.recommendedThreshold().isPresent(), "the corpus manifest must state a threshold");
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
