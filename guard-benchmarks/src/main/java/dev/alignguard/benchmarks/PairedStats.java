package dev.alignguard.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * The arithmetic of a paired comparison ({@link ServerPaired}): the ABBA order of two sides' blocks, per-pair
 * ratios and differences, and their median and interquartile range. Pure functions of numbers already
 * measured, so they are tested on their own.
 */
final class PairedStats {
    private PairedStats() {
    }

    /**
     * The order of the two blocks of pair {@code pair} (from 0): {@code a, b} for even pairs, {@code b, a} for
     * odd ones, so that the blocks run A B B A A B B A ... Load that drifts steadily then favours each side
     * first in one pair and then in the next, and the median ratio does not lean either way.
     */
    static <T> List<T> abba(int pair, T a, T b) {
        if (pair < 0) {
            throw new IllegalArgumentException("pair must be >= 0: " + pair);
        }
        return pair % 2 == 0 ? List.of(a, b) : List.of(b, a);
    }

    /** {@code b[i] / a[i]} for every pair {@code i}: each ratio compares blocks measured seconds apart. */
    static double[] ratios(double[] a, double[] b) {
        requirePairs(a, b);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] > 0)) {
                throw new IllegalArgumentException("pair " + i + " has no positive baseline: " + a[i]);
            }
            out[i] = b[i] / a[i];
        }
        return out;
    }

    /** {@code b[i] - a[i]} for every pair {@code i}. */
    static double[] differences(double[] a, double[] b) {
        requirePairs(a, b);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = b[i] - a[i];
        }
        return out;
    }

    /** Median and quartiles of {@code values}, at least one. */
    static Spread spread(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    /** The median of the first {@code n} of {@code samples} (a block's latencies), at least one. */
    static double median(long[] samples, int n) {
        if (n < 1 || n > samples.length) {
            throw new IllegalArgumentException("need 1 to " + samples.length + " samples: " + n);
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * The {@code q} quantile of sorted values, interpolated linearly between order statistics (R's type 7,
     * numpy's default): the median of an even count is the mean of the middle two.
     */
    private static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    private static void requirePairs(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need the same number of blocks per side, at least one: "
                    + a.length + " and " + b.length);
        }
    }

    /** The lower quartile, the median and the upper quartile of a set of values. */
    record Spread(double q1, double median, double q3) {
    }
}
