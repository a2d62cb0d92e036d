package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void everyConcurrentCheckGetsExactlyOneCorrectVerdictAndOneAuditRecord() throws Exception {
        RecordingAuditSink audit = new RecordingAuditSink();
        Guard g = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(audit).build();
        String[] texts = {"fine", "<blackmail=0.95>", "<coercion=0.6>", "<self_preservation=0.75>"};
        Decision[] expected = {Decision.ALLOW, Decision.BLOCK, Decision.FLAG, Decision.REQUIRE_APPROVAL};
        int threads = 16;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < perThread; i++) {
                        int k = (seed + i) % texts.length;
                        String text = texts[k] + " #" + (i % 7); // repeats hit the shared cache
                        if (g.check(AgentAction.output(text)).decision() != expected[k]) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : futures) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, audit.events.size());
    }
}
