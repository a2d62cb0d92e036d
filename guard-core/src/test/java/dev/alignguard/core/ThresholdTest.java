package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.testing.FakeClassifier;
import org.junit.jupiter.api.Test;

/** A threshold is checked once, where it is made, and every error names what was wrong. */
class ThresholdTest {

    @Test
    void aThresholdOutsideTheUnitIntervalNamesTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threshold.of(1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(-0.01));
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(Double.NaN));
    }

    @Test
    void offIsTheOnlyValueAboveOne() {
        assertTrue(Threshold.of(Thresholds.OFF).isOff());
        assertEquals(Threshold.OFF, Threshold.parse(" Off "));
        assertEquals("off", Threshold.OFF.toString());
    }

    @Test
    void parseReadsNumbersAndNamesTheTextItCannotRead() {
        assertEquals(Threshold.of(0.25), Threshold.parse("0.25"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threshold.parse("high"));
        assertTrue(e.getMessage().contains("'high'"), e.getMessage());
    }

    @Test
    void thresholdsNameTheLevelWhoseValueIsOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Thresholds(0.1, 2.0, 0.9));
        assertTrue(e.getMessage().startsWith("require_approval: ") && e.getMessage().contains("2.0"), e.getMessage());
    }

    @Test
    void thresholdsOutOfOrderNameEveryLevel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Thresholds(0.6, 0.3, 0.9));
        assertTrue(e.getMessage().contains("flag=0.6, require_approval=0.3, block=0.9"), e.getMessage());
    }

    @Test
    void policyRejectsABadThresholdWhenItIsSetNotWhenItIsUsed() {
        assertThrows(IllegalArgumentException.class,
                () -> Policy.builder().threshold(Category.BLACKMAIL, Decision.BLOCK, 1.2));
        assertThrows(IllegalArgumentException.class,
                () -> Policy.builder().tool("send_email", t -> t.threshold(Category.BLACKMAIL, Decision.FLAG, -1)));
    }

    @Test
    void policyThresholdsFallBackFromToolToAllToolsToTheModel() {
        Policy p = Policy.builder().threshold(Category.BLACKMAIL, Decision.BLOCK, 0.8)
                .tool("send_email", t -> t.threshold(Category.BLACKMAIL, Decision.FLAG, 0.1)).build();
        assertEquals(new Thresholds(0.1, 0.7, 0.8), p.thresholds("send_email", Category.BLACKMAIL, FakeClassifier.INFO));
        assertEquals(new Thresholds(0.5, 0.7, 0.8), p.thresholds(null, Category.BLACKMAIL, FakeClassifier.INFO));
        assertEquals(FakeClassifier.RECOMMENDED, p.thresholds("web_search", Category.COERCION, FakeClassifier.INFO));
    }

    @Test
    void policyThresholdsOutOfOrderNameTheKey() {
        Policy p = Policy.builder().threshold(Category.COERCION, Decision.FLAG, 0.95).build();
        ConfigException e = assertThrows(ConfigException.class,
                () -> p.thresholds(null, Category.COERCION, FakeClassifier.INFO));
        assertEquals("thresholds.coercion", e.key());
    }
}
