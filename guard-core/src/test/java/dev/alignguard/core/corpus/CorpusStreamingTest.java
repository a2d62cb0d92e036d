package dev.alignguard.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.testing.FakePassageScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CorpusStreamingTest {
    /** Scores like {@link FakePassageScorer#evilWord()} but takes a random while, so results finish out of order. */
    private static FakePassageScorer slowEvilWord() {
        return new FakePassageScorer(p -> {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return p.contains("EVIL") ? 0.9 : 0.1;
        }, 126, OptionalDouble.of(0.5));
    }

    private static CorpusDocument document(int i) {
        String text = ("line " + i + " ").repeat(i % 50 + 1) + (i % 7 == 0 ? "EVIL" : "kind");
        return i % 11 == 0 ? CorpusDocument.unreadable(i + 1, "d" + i, "malformed JSON")
                : CorpusDocument.of(i + 1, "d" + i, null, text);
    }

    private static List<String> run(CorpusAuditor auditor, int documents, int threads, int[] maxHeld)
            throws Exception {
        AtomicInteger read = new AtomicInteger();
        List<String> out = new ArrayList<>();
        auditor.auditAll(() -> {
            maxHeld[0] = Math.max(maxHeld[0], read.get() - out.size());
            int i = read.getAndIncrement();
            return i < documents ? document(i) : null;
        }, r -> out.add(CorpusJsonl.write(r)), threads);
        return out;
    }

    @Test
    void writesOneResultPerDocumentInInputOrderWhateverTheThreads() throws Exception {
        CorpusAuditor auditor = CorpusAuditor.builder(slowEvilWord()).windowTokens(20).strideTokens(10).build();
        List<String> sequential = run(auditor, 300, 1, new int[1]);
        List<String> parallel = run(auditor, 300, 6, new int[1]);
        assertEquals(300, sequential.size());
        assertEquals(sequential, parallel);
        for (int i = 0; i < 300; i++) {
            assertTrue(parallel.get(i).startsWith("{\"line\":" + (i + 1) + ",\"id\":\"d" + i + "\""), parallel.get(i));
        }
    }

    @Test
    void holdsAtMostTwiceTheThreadsDocumentsAtATime() throws Exception {
        CorpusAuditor auditor = CorpusAuditor.builder(slowEvilWord()).build();
        int[] maxHeld = new int[1];
        run(auditor, 200, 4, maxHeld);
        assertTrue(maxHeld[0] <= 8, "documents held at once: " + maxHeld[0]);
        assertTrue(maxHeld[0] >= 2, "the pool was used: " + maxHeld[0]);
    }

    @Test
    void oneAuditorGivesTheSameResultsFromManyThreadsAtOnce() throws Exception {
        CorpusAuditor auditor = CorpusAuditor.builder(slowEvilWord()).windowTokens(20).strideTokens(10).build();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(CorpusJsonl.write(auditor.result(document(i))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> CorpusJsonl.write(auditor.result(document(n)))));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals(expected.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
