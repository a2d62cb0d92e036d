package dev.alignguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Verdict;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportAggregatorTest {

    static Verdict verdict(Decision d, Cause cause, double blackmail, double coercion, double self) {
        return Verdict.builder(d, cause)
                .score(Category.BLACKMAIL, blackmail).score(Category.COERCION, coercion)
                .score(Category.SELF_PRESERVATION, self)
                .modelId("fake").build();
    }

    static Verdict verdict(Decision d, double blackmail) {
        return verdict(d, Cause.POLICY, blackmail, 0.01, 0.01);
    }

    @Test
    void countsDecisionsErrorsAndFailModeVerdicts() {
        ReportAggregator agg = new ReportAggregator(10);
        agg.add(1, "a", "send_email", verdict(Decision.ALLOW, 0.02), List::of);
        agg.add(2, "b", "send_email", verdict(Decision.BLOCK, 0.97), List::of);
        agg.add(3, "c", "(plan)", verdict(Decision.FLAG, 0.5), List::of);
        agg.add(4, "d", "shell", Verdict.builder(Decision.BLOCK, Cause.ERROR).modelId("fake")
                .warnings(List.of("classifier failed")).build(), List::of);
        agg.error(5, null, "not valid JSON");
        assertEquals(5, agg.lines());
        assertEquals(1, agg.errors());
        assertEquals(1, agg.count(Decision.ALLOW));
        assertEquals(1, agg.count(Decision.FLAG));
        assertEquals(0, agg.count(Decision.REQUIRE_APPROVAL));
        assertEquals(2, agg.count(Decision.BLOCK));
        assertEquals(1, agg.failModeDecisions());
        assertTrue(agg.any(Decision.REQUIRE_APPROVAL));
        assertEquals(List.of(new ReportAggregator.ErrorLine(5, null, "not valid JSON")), agg.firstErrors());
        assertTrue(agg.describe(2.0).startsWith("scanned 5 lines in 2.0 s (2.5 lines/s): {ALLOW=1, FLAG=1, BLOCK=2}, "
                + "1 unreadable, 1 decided by fail mode"), agg.describe(2.0));
        assertFalse(new ReportAggregator(0).any(Decision.ALLOW));
    }

    @Test
    void histogramHasTwentyBinsAndSkipsUnscoredVerdicts() {
        ReportAggregator agg = new ReportAggregator(0);
        for (double s : new double[]{0.0, 0.049, 0.05, 0.5, 0.999, 1.0, Double.NaN}) {
            agg.add(1, null, "t", verdict(Decision.ALLOW, Cause.POLICY, s, 0.33, 0.33), List::of);
        }
        agg.add(2, null, "t", Verdict.builder(Decision.BLOCK, Cause.TIMEOUT).modelId("fake").build(), List::of);
        long[] expected = new long[ReportAggregator.BINS];
        expected[0] = 3; // 0.0, 0.049 and NaN
        expected[1] = 1;
        expected[10] = 1;
        expected[19] = 2;
        assertArrayEquals(expected, agg.histogram(Category.BLACKMAIL));
        assertEquals(7, agg.histogram(Category.COERCION)[6], "a timeout has no scores and is not binned");
    }

    @Test
    void keepsOnlyTheTopNFlaggedLinesMostImportantFirstAndBuildsEvidenceOnlyForThem() {
        ReportAggregator agg = new ReportAggregator(3);
        AtomicInteger built = new AtomicInteger();
        double[] scores = {0.2, 0.9, 0.4, 0.95, 0.1, 0.9, 0.3};
        for (int i = 0; i < scores.length; i++) {
            agg.add(i + 1, "id" + i, "t", verdict(Decision.FLAG, scores[i]), () -> {
                built.incrementAndGet();
                return List.of();
            });
            agg.add(100 + i, "allow" + i, "t", verdict(Decision.ALLOW, 0.99), () -> {
                throw new AssertionError("ALLOW lines are never listed");
            });
        }
        List<ReportItem> top = agg.top();
        assertEquals(List.of(4L, 2L, 6L), top.stream().map(ReportItem::line).toList(),
                "highest score first; on equal scores the earlier line wins");
        assertEquals(5, built.get(), "0.2, 0.9, 0.4 fill the queue; 0.95 and the second 0.9 enter; the rest do not");
        agg.add(50, "blocked", "t", verdict(Decision.BLOCK, 0.9), List::of);
        assertEquals(List.of(4L, 50L, 2L), agg.top().stream().map(ReportItem::line).toList(),
                "on equal scores the stricter decision ranks higher");
    }

    @Test
    void topZeroKeepsNothing() {
        ReportAggregator agg = new ReportAggregator(0);
        agg.add(1, null, "t", verdict(Decision.BLOCK, 1.0), () -> {
            throw new AssertionError("not kept");
        });
        assertEquals(List.of(), agg.top());
    }

    @Test
    void toolsAreCappedAndTheRestPooled() {
        ReportAggregator agg = new ReportAggregator(0);
        for (int i = 0; i < 500; i++) {
            agg.add(i, null, "tool-" + i, verdict(i % 2 == 0 ? Decision.ALLOW : Decision.BLOCK, 0.5), List::of);
        }
        agg.add(501, null, "tool-1", verdict(Decision.FLAG, 0.5), List::of);
        assertEquals(ReportAggregator.MAX_SOURCES, agg.sources().size());
        assertArrayEquals(new long[]{0, 1, 0, 1}, agg.sources().get("tool-1"));
        assertArrayEquals(new long[]{150, 0, 0, 150}, agg.otherSources());
    }

    @Test
    void longLabelsAndErrorListAreBounded() {
        ReportAggregator agg = new ReportAggregator(1);
        String longName = "x".repeat(10_000);
        agg.add(1, longName, longName, verdict(Decision.BLOCK, 0.9), List::of);
        for (int i = 0; i < 100; i++) {
            agg.error(i, longName, longName);
        }
        String key = agg.sources().keySet().iterator().next();
        assertEquals(ReportAggregator.MAX_LABEL_CHARS, key.length());
        assertTrue(key.endsWith(EvidenceContext.CUT));
        assertEquals(ReportAggregator.MAX_LABEL_CHARS, agg.top().get(0).id().length());
        assertEquals(ReportAggregator.MAX_ERRORS, agg.firstErrors().size());
        assertEquals(ReportAggregator.MAX_LABEL_CHARS, agg.firstErrors().get(0).message().length());
        assertEquals(100, agg.errors());
    }

    @Test
    void mergedPartsCountLikeOneScanWhateverTheOrder() {
        ReportAggregator whole = new ReportAggregator(3);
        ReportAggregator first = new ReportAggregator(3);
        ReportAggregator second = new ReportAggregator(3);
        double[] scores = {0.2, 0.9, 0.4, 0.95, 0.1, 0.9, 0.3, 0.6};
        for (int i = 0; i < scores.length; i++) {
            Verdict v = i == 5 ? verdict(Decision.BLOCK, Cause.ERROR, 0, 0, 0)
                    : verdict(i % 3 == 0 ? Decision.BLOCK : Decision.FLAG, scores[i]);
            whole.add(i + 1, "id" + i, "t" + i % 2, v, List::of);
            (i < 4 ? first : second).add(i + 1, "id" + i, "t" + i % 2, v, List::of);
        }
        whole.error(20, null, "bad");
        second.error(20, null, "bad");
        first.error(10, null, "worse");
        whole.error(10, null, "worse");
        ReportAggregator merged = new ReportAggregator(3);
        merged.merge(second);
        merged.merge(first);
        assertEquals(whole.lines(), merged.lines());
        assertEquals(whole.errors(), merged.errors());
        assertEquals(whole.failModeDecisions(), merged.failModeDecisions());
        for (Decision d : Decision.values()) {
            assertEquals(whole.count(d), merged.count(d), d.name());
        }
        for (Category c : Category.values()) {
            assertArrayEquals(whole.histogram(c), merged.histogram(c), c.id());
        }
        assertEquals(whole.sources().keySet(), merged.sources().keySet());
        whole.sources().forEach((tool, counts) -> assertArrayEquals(counts, merged.sources().get(tool), tool));
        assertEquals(whole.top(), merged.top());
        assertEquals(whole.firstErrors().stream().map(ReportAggregator.ErrorLine::line).sorted().toList(),
                merged.firstErrors().stream().map(ReportAggregator.ErrorLine::line).toList(), "by line");
    }
}
