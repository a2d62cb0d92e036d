package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    private static final String[] TEXTS = {"fine", "<blackmail=0.95>", "<coercion=0.6>", "<self_preservation=0.75>"};
    private static final Decision[] EXPECTED = {Decision.ALLOW, Decision.BLOCK, Decision.FLAG, Decision.REQUIRE_APPROVAL};

    @Test
    void sixtyFourThreadsGetExactlyOneCorrectVerdictAndOneAuditRecordPerCheck() throws Exception {
        RecordingAuditSink audit = new RecordingAuditSink();
        Guard g = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(audit).build();
        int threads = 64;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    int wrong = 0;
                    for (int i = 0; i < perThread; i++) {
                        int k = (seed + i) % TEXTS.length;
                        // repeats (i % 7) share the cache; tool calls and plans mix the paths
                        AgentAction a = i % 2 == 0 ? AgentAction.plan(TEXTS[k] + " #" + (i % 7))
                                : AgentAction.toolCall("send_email", "{\"body\":\"" + TEXTS[k] + " #" + (i % 7) + "\"}");
                        Verdict v = g.check(a, GuardContext.empty().withRequestId(seed + "-" + i));
                        wrong += v.decision() == EXPECTED[k] && v.cause() == Cause.POLICY ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, audit.events.size());
        Map<String, Integer> perRequest = new HashMap<>();
        for (AuditEvent e : audit.events) {
            perRequest.merge(e.context().requestId(), 1, Integer::sum);
        }
        assertEquals(threads * perThread, perRequest.size(), "every decision is recorded exactly once");
    }
}
