package dev.alignguard.core;

import static dev.alignguard.core.AgentAction.output;
import static dev.alignguard.core.AgentAction.plan;
import static dev.alignguard.core.AgentAction.toolCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.internal.verdict.VerdictCache;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The whole-action verdict cache: repeats skip the pipeline but are still audited; only scored verdicts are kept. */
class VerdictCacheTest {
    private static final String ARGS = "{\"to\":\"kyle@example.com\",\"body\":\"<blackmail=0.95> or else\"}";
    private final RecordingAuditSink audit = new RecordingAuditSink();

    private Guard guard(FakeClassifier c, CacheSpec cache) {
        return Guard.builder().classifier(c).auditSink(audit)
                .config(new GuardConfig(Policy.defaults(), cache, GuardConfig.DEFAULT_TIMEOUT, false, "")).build();
    }

    @Test
    void repeatedToolCallIsAnsweredFromTheCacheAndStillAudited() {
        FakeClassifier c = FakeClassifier.byMarkers();
        Guard g = guard(c, CacheSpec.DEFAULT);
        Verdict first = g.check(toolCall("send_email", ARGS));
        Verdict again = g.check(toolCall("send_email", new String(ARGS.toCharArray())));
        assertEquals(1, c.calls.get());
        assertEquals(1, g.stats().verdictCacheHits());
        assertEquals(Decision.BLOCK, again.decision());
        assertEquals(first.scores(), again.scores());
        assertEquals(first.evidence(), again.evidence());
        assertEquals(2, audit.events.size());
        assertEquals(audit.events.get(0).textSha256(), audit.events.get(1).textSha256());
    }

    @Test
    void cachedVerdictReportsItsOwnLookupTime() {
        Guard g = guard(FakeClassifier.of(t -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new float[] {0.01f, 0.01f, 0.01f};
        }), CacheSpec.DEFAULT);
        Verdict first = g.check(plan("rotate the logs"));
        Verdict again = g.check(plan("rotate the logs"));
        assertTrue(first.elapsed().compareTo(Duration.ofMillis(300)) >= 0, first::toString);
        assertTrue(again.elapsed().compareTo(first.elapsed()) < 0, again::toString);
    }

    @Test
    void failModeVerdictIsNeverCached() {
        AtomicInteger n = new AtomicInteger();
        FakeClassifier c = new FakeClassifier(t -> {
            if (n.getAndIncrement() == 0) {
                throw new ClassifierException("model hiccup");
            }
            return new float[] {0.01f, 0.01f, 0.01f};
        });
        Guard g = guard(c, CacheSpec.DEFAULT);
        assertEquals(Cause.ERROR, g.check(plan("deploy the fix")).cause());
        Verdict retried = g.check(plan("deploy the fix"));
        assertEquals(Cause.POLICY, retried.cause());
        assertEquals(Decision.ALLOW, retried.decision());
    }

    @Test
    void actionsThatDifferOnlyInKindOrRationaleAreCheckedSeparately() {
        FakeClassifier c = FakeClassifier.byMarkers();
        Guard g = guard(c, CacheSpec.DEFAULT);
        g.check(plan("<coercion=0.8> now"));
        g.check(output("<coercion=0.8> now"));
        g.check(toolCall("send_email", ARGS, "the user asked"));
        g.check(toolCall("send_email", ARGS, "the user asked twice"));
        assertEquals(4, audit.events.size());
        assertEquals(Decision.ALLOW, g.check(toolCall("send_email", "{\"body\":\"hello\"}")).decision());
    }

    @Test
    void actionsOverTheSizeLimitAreCheckedEveryTime() {
        Guard g = guard(FakeClassifier.byMarkers(), CacheSpec.DEFAULT);
        String big = "routine log line. ".repeat(VerdictCache.MAX_ACTION_CHARS / 18 + 1);
        g.check(output(big));
        g.check(output(big));
        assertEquals(0, g.stats().verdictCacheHits(), "the windows may come from the score cache, the verdict not");
        assertTrue(g.stats().cacheHitRate() > 0);
    }

    @Test
    void cacheOffRunsThePipelineEveryTime() {
        FakeClassifier c = FakeClassifier.byMarkers();
        Guard g = guard(c, CacheSpec.DISABLED);
        g.check(plan("same text"));
        g.check(plan("same text"));
        assertEquals(2, c.calls.get());
    }

    @Test
    void concurrentRepeatsAllGetTheSameDecisionAndOneAuditRecordEach() throws Exception {
        Guard g = guard(FakeClassifier.byMarkers(), CacheSpec.DEFAULT);
        List<AgentAction> actions = List.of(plan("<blackmail=0.95> tell them"), plan("file the report"),
                toolCall("send_email", ARGS), output("<coercion=0.75> sign it"));
        List<Decision> expected = new ArrayList<>();
        for (AgentAction a : actions) {
            expected.add(guard(FakeClassifier.byMarkers(), CacheSpec.DISABLED).check(a).decision());
        }
        audit.events.clear();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int k = i % actions.size();
                        Verdict v = g.check(actions.get(k));
                        assertEquals(expected.get(k), v.decision());
                        assertEquals(3, v.scores().size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(16 * 500, audit.events.size());
    }
}
