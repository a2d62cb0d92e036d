package dev.alignguard.core;

import static dev.alignguard.core.AgentAction.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailModeTest {

    private static Guard guard(FakeClassifier c, FailMode mode, Duration timeout) {
        Policy p = Policy.builder().failMode(mode).build();
        return Guard.builder().classifier(c).auditSink(new RecordingAuditSink())
                .config(new GuardConfig(p, CacheSpec.DISABLED, timeout, false, "")).batchSize(1).build();
    }

    private static final FakeClassifier BROKEN = new FakeClassifier(t -> {
        throw new ClassifierException("native crash");
    });

    /** 30 ms per batch: a deadline of 50 ms passes after two batches. */
    private static FakeClassifier slowClassifier() {
        return FakeClassifier.of(t -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new float[]{0f, 0f, 0f};
        });
    }

    /** Text that chunks into many distinct windows (scored one per batch here). */
    private static String manyDistinctWindows() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append("word").append(i).append(' ');
        }
        return text.toString();
    }

    @Test
    void classifierErrorBlocksWhenFailClosed() {
        Verdict v = guard(BROKEN, FailMode.CLOSED, Duration.ofSeconds(5)).check(output("hello"));
        assertEquals(Decision.BLOCK, v.decision());
        assertEquals(Cause.ERROR, v.cause());
        assertTrue(v.warnings().get(v.warnings().size() - 1).contains("native crash"));
    }

    @Test
    void classifierErrorAllowsWithFlagWhenFailOpen() {
        Verdict v = guard(BROKEN, FailMode.OPEN, Duration.ofSeconds(5)).check(output("hello"));
        assertEquals(Decision.FLAG, v.decision());
        assertEquals(Cause.ERROR, v.cause());
    }

    @Test
    void runtimeExceptionFromClassifierIsAnErrorNotACrash() {
        FakeClassifier c = FakeClassifier.of(t -> {
            throw new IllegalStateException("bug");
        });
        Verdict v = guard(c, FailMode.CLOSED, Duration.ofSeconds(5)).check(output("hello"));
        assertEquals(Cause.ERROR, v.cause());
    }

    @Test
    void scoreOutsideUnitIntervalIsAnError() {
        FakeClassifier c = FakeClassifier.of(t -> new float[]{Float.NaN, 0f, 0f});
        assertEquals(Cause.ERROR, guard(c, FailMode.CLOSED, Duration.ofSeconds(5)).check(output("x")).cause());
    }

    @Test
    void wrongNumberOfLabelsIsAnError() {
        FakeClassifier c = FakeClassifier.of(t -> new float[]{0.1f});
        assertEquals(Cause.ERROR, guard(c, FailMode.CLOSED, Duration.ofSeconds(5)).check(output("x")).cause());
    }

    @Test
    void slowClassifierTimesOutAndBlocks() {
        Guard g = guard(slowClassifier(), FailMode.CLOSED, Duration.ofMillis(50));
        Verdict v = g.check(output(manyDistinctWindows()));
        assertEquals(Decision.BLOCK, v.decision());
        assertEquals(Cause.TIMEOUT, v.cause());
        assertEquals(1, g.stats().timeouts());
    }

    @Test
    void slowClassifierTimesOutAndAllowsWithFlagWhenFailOpen() {
        Verdict v = guard(slowClassifier(), FailMode.OPEN, Duration.ofMillis(50)).check(output(manyDistinctWindows()));
        assertEquals(Decision.FLAG, v.decision());
        assertEquals(Cause.TIMEOUT, v.cause());
    }

    @Test
    void failingAuditSinkFlagsWhenFailOpen() {
        Policy open = Policy.builder().failMode(FailMode.OPEN).build();
        Guard g = Guard.builder().classifier(FakeClassifier.byMarkers()).config(GuardConfig.defaults().withPolicy(open)).auditSink(e -> {
            throw new IllegalStateException("queue full");
        }).build();
        Verdict v = g.check(output("fine text"));
        assertEquals(Decision.FLAG, v.decision());
        assertEquals(Cause.ERROR, v.cause());
    }

    @Test
    void aBugInsideTheGuardBecomesAFailModeVerdictAndIsAudited() {
        java.util.concurrent.atomic.AtomicInteger infoCalls = new java.util.concurrent.atomic.AtomicInteger();
        dev.alignguard.core.classify.Classifier buggy = new dev.alignguard.core.classify.Classifier() {
            @Override
            public dev.alignguard.core.classify.ModelInfo info() {
                if (infoCalls.incrementAndGet() > 1) { // fine while the guard is built, broken afterwards
                    throw new IllegalStateException("bug");
                }
                return FakeClassifier.INFO;
            }

            @Override
            public float[][] score(java.util.List<String> texts) {
                return new float[texts.size()][3];
            }
        };
        RecordingAuditSink audit = new RecordingAuditSink();
        Guard g = Guard.builder().classifier(buggy).config(new GuardConfig(Policy.defaults(), CacheSpec.DISABLED,
                Duration.ofSeconds(5), false, "")).auditSink(audit).build();
        Verdict v = g.check(output("hello"));
        assertEquals(Decision.BLOCK, v.decision());
        assertEquals(Cause.ERROR, v.cause());
        assertEquals(1, audit.events.size());
        assertThrows(ActionBlockedException.class, () -> g.enforce(output("hello"), GuardContext.empty()));
    }

    @Test
    void interruptedThreadGetsFailModeVerdictAndKeepsItsInterruptFlag() {
        Guard g = guard(FakeClassifier.byMarkers(), FailMode.CLOSED, Duration.ofSeconds(5));
        Thread.currentThread().interrupt();
        try {
            Verdict v = g.check(output("hello"));
            assertEquals(Cause.ERROR, v.cause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void failingAuditSinkBlocksWhenFailClosed() {
        Guard g = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(e -> {
            throw new java.io.IOException("disk full");
        }).build();
        Verdict v = g.check(output("fine text"));
        assertEquals(Decision.BLOCK, v.decision());
        assertEquals(Cause.ERROR, v.cause());
        assertEquals(1, g.stats().auditFailures());
    }
}
