package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts are built by name, never by position, and cannot be changed once built. */
class VerdictTest {
    private static final Reason REASON = new Reason(Category.BLACKMAIL, 0.9, 0.3, Decision.BLOCK, ScoredField.ARGUMENTS);

    @Test
    void aBuiltVerdictStartsEmptyExceptForDecisionAndCause() {
        Verdict v = Verdict.builder(Decision.ALLOW, Cause.POLICY).build();
        assertEquals(Map.of(), v.scores());
        assertEquals(List.of(), v.reasons());
        assertEquals(List.of(), v.evidence());
        assertEquals("", v.modelId());
        assertEquals(Duration.ZERO, v.elapsed());
        assertNull(v.judgement());
        assertTrue(v.allowed());
    }

    @Test
    void decisionAndCauseAreRequired() {
        assertThrows(NullPointerException.class, () -> Verdict.builder(null, Cause.POLICY));
        assertThrows(NullPointerException.class, () -> Verdict.builder(Decision.BLOCK, null));
    }

    @Test
    void aVerdictDoesNotChangeWhenItsBuilderOrInputsDo() {
        List<String> warnings = new ArrayList<>(List.of("first"));
        Verdict.Builder b = Verdict.builder(Decision.BLOCK, Cause.POLICY).warnings(warnings).reasons(List.of(REASON));
        Verdict v = b.build();
        warnings.add("second");
        b.warning("third");
        assertEquals(List.of("first"), v.warnings());
        assertThrows(UnsupportedOperationException.class, () -> v.reasons().clear());
    }

    @Test
    void toBuilderCopiesEveryValue() {
        Verdict v = Verdict.builder(Decision.BLOCK, Cause.POLICY).score(Category.BLACKMAIL, 0.9).reasons(List.of(REASON))
                .modelId("m").elapsed(Duration.ofMillis(4)).warning("w").build();
        assertEquals(v, v.toBuilder().build());
        assertEquals(v.hashCode(), v.toBuilder().build().hashCode());
        Verdict failed = v.toBuilder().cause(Cause.ERROR).build();
        assertFalse(failed.equals(v));
        assertEquals(v.reasons(), failed.reasons());
    }

    @Test
    void summaryNamesTheReasonsAndTheCause() {
        Verdict v = Verdict.builder(Decision.BLOCK, Cause.ERROR).reasons(List.of(REASON)).build();
        assertEquals("BLOCK (ERROR) blackmail=0.90>=0.30[arguments]", v.summary());
    }
}
