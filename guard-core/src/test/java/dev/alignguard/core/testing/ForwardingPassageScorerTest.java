package dev.alignguard.core.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.alignguard.core.corpus.PassageScorer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ForwardingPassageScorerTest {

    /** A method left to the interface's default would answer for the wrapper, not the wrapped model. */
    @Test
    void overridesEveryMethodOfTheInterface() {
        for (Method m : PassageScorer.class.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) {
                assertDoesNotThrow(() -> ForwardingPassageScorer.class.getDeclaredMethod(m.getName(),
                        m.getParameterTypes()), "ForwardingPassageScorer does not forward " + m);
            }
        }
    }
}
