package dev.alignguard.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.Guard;
import dev.alignguard.onnx.ModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import org.junit.jupiter.api.Test;

/**
 * The generalisation issue's cost bound on the cascade: the bundled screen answers at least half of the 312 benign
 * public tool calls alone (the same traffic {@link ScreenShare} reports and {@link CascadeBenchmark} times).
 */
class ScreenShareTest {
    @Test
    void screenAnswersAtLeastHalfOfTheBenignPublicToolCallsAlone() {
        try (OnnxClassifier classifier = OnnxClassifier.load(ModelBundle.bundled(), OnnxClassifier.Options.DEFAULT);
             Guard guard = ScreenShare.guard(classifier)) {
            ScreenShare.Share share = ScreenShare.measure(guard, classifier, CascadeBenchmark.traffic("public"));
            assertTrue(share.actionsCleared() * 2 >= share.actions(),
                    share.actionsCleared() + " of " + share.actions() + " public calls cleared by the screen alone");
        }
    }
}
