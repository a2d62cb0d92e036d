package dev.alignguard.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedStatsTest {
    @Test
    void blocksRunInAbbaOrder() {
        List<String> order = new ArrayList<>();
        for (int pair = 0; pair < 4; pair++) {
            order.addAll(PairedStats.abba(pair, "A", "B"));
        }
        assertEquals(List.of("A", "B", "B", "A", "A", "B", "B", "A"), order);
    }

    @Test
    void abbaOrderCancelsSteadyDriftInTheMedianRatio() {
        // Two equally fast sides; the machine slows down by 1 per block. Run A B B A ..., the ratio B/A of a pair
        // is below 1 when A went first and above 1 when B did, and the median lands on 1; run A B A B ..., every
        // ratio would be about 0.99.
        int pairs = 20;
        double[] a = new double[pairs];
        double[] b = new double[pairs];
        int block = 0;
        for (int p = 0; p < pairs; p++) {
            for (String side : PairedStats.abba(p, "A", "B")) {
                (side.equals("A") ? a : b)[p] = 100 - block++;
            }
        }
        assertEquals(1.0, PairedStats.spread(PairedStats.ratios(a, b)).median(), 0.001);
    }

    @Test
    void ratioIsTakenWithinEachPair() {
        double[] inProcess = {100, 50, 80};
        double[] overHttp = {90, 50, 40};
        assertArrayEquals(new double[] {0.9, 1.0, 0.5}, PairedStats.ratios(inProcess, overHttp), 1e-12);
    }

    @Test
    void differenceIsTakenWithinEachPair() {
        double[] inProcessMs = {0.8, 1.2};
        double[] overHttpMs = {1.0, 1.3};
        assertArrayEquals(new double[] {0.2, 0.1}, PairedStats.differences(inProcessMs, overHttpMs), 1e-12);
    }

    @Test
    void spreadGivesMedianAndQuartilesInterpolatedBetweenRanks() {
        PairedStats.Spread s = PairedStats.spread(new double[] {7, 1, 3, 5});
        assertEquals(2.5, s.q1(), 1e-12);
        assertEquals(4.0, s.median(), 1e-12);
        assertEquals(5.5, s.q3(), 1e-12);
    }

    @Test
    void spreadOfOneValueIsThatValue() {
        assertEquals(new PairedStats.Spread(0.93, 0.93, 0.93), PairedStats.spread(new double[] {0.93}));
    }

    @Test
    void blockMedianCountsOnlyTheRecordedSamples() {
        long[] nanos = {900, 100, 300, 200, 0, 0, 0, 0};
        assertEquals(250.0, PairedStats.median(nanos, 4), 1e-12);
        assertEquals(300.0, PairedStats.median(nanos, 3), 1e-12);
    }

    @Test
    void refusesSidesOfDifferentLength() {
        assertThrows(IllegalArgumentException.class,
                () -> PairedStats.ratios(new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void refusesARatioToAnEmptyBlock() {
        assertThrows(IllegalArgumentException.class,
                () -> PairedStats.ratios(new double[] {0}, new double[] {10}));
    }

    @Test
    void refusesABlockWithoutSamples() {
        assertThrows(IllegalArgumentException.class, () -> PairedStats.median(new long[4], 0));
    }
}
