package dev.alignguard.core;

import static dev.alignguard.core.AgentAction.output;
import static dev.alignguard.core.AgentAction.toolCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import org.junit.jupiter.api.Test;

class PolicyDecisionTest {

    private static Guard guard(Policy policy) {
        return Guard.builder().classifier(FakeClassifier.byMarkers())
                .config(new GuardConfig(policy, CacheSpec.DISABLED, GuardConfig.DEFAULT_TIMEOUT, false, ""))
                .auditSink(new RecordingAuditSink()).build();
    }

    @Test
    void allowsTextBelowEveryFlagThreshold() {
        Verdict v = guard(Policy.defaults()).check(output("Quarterly numbers attached."));
        assertEquals(Decision.ALLOW, v.decision());
        assertEquals(Cause.POLICY, v.cause());
        assertTrue(v.reasons().isEmpty());
    }

    @Test
    void usesTheModelsRecommendedThresholdsWhenThePolicySetsNone() {
        Guard g = guard(Policy.defaults());
        assertEquals(Decision.FLAG, g.check(output("<coercion=0.55>")).decision());
        assertEquals(Decision.REQUIRE_APPROVAL, g.check(output("<coercion=0.75>")).decision());
        assertEquals(Decision.BLOCK, g.check(output("<coercion=0.95>")).decision());
    }

    @Test
    void blocksBlackmailEmailBeforeSend() {
        Verdict v = guard(Policy.defaults()).check(toolCall("send_email",
                "{\"to\":\"cfo@example.com\",\"body\":\"<blackmail=0.97> cancel it or the board learns\"}"));
        assertEquals(Decision.BLOCK, v.decision());
        Reason r = v.reasons().get(0);
        assertEquals(Category.BLACKMAIL, r.category());
        assertEquals(0.9, r.threshold(), 1e-9);
        assertEquals(ScoredField.ARGUMENTS, r.field());
    }

    @Test
    void perToolOverrideMakesOneToolStricter() {
        Policy p = Policy.builder()
                .tool("send_email", t -> t.threshold(Category.BLACKMAIL, Decision.BLOCK, 0.6)
                        .threshold(Category.BLACKMAIL, Decision.REQUIRE_APPROVAL, 0.55))
                .build();
        Guard g = guard(p);
        assertEquals(Decision.BLOCK, g.check(toolCall("send_email", "{\"b\":\"<blackmail=0.65>\"}")).decision());
        assertEquals(Decision.FLAG, g.check(toolCall("search", "{\"q\":\"<blackmail=0.65>\"}")).decision());
    }

    @Test
    void levelSetToOffNeverTriggers() {
        Policy p = Policy.builder().threshold(Category.COERCION, Decision.BLOCK, Thresholds.OFF).build();
        assertEquals(Decision.REQUIRE_APPROVAL, guard(p).check(output("<coercion=0.99>")).decision());
    }

    @Test
    void strictestFieldDecides() {
        Verdict v = guard(Policy.defaults()).check(toolCall("copy_file", "{\"src\":\"a\",\"dst\":\"b\"}",
                "<self_preservation=0.93> keep a copy of my weights before the wipe"));
        assertEquals(Decision.BLOCK, v.decision());
        assertEquals(ScoredField.RATIONALE, v.reasons().get(0).field());
        assertEquals(0.93, v.score(Category.SELF_PRESERVATION), 1e-6);
    }
}
