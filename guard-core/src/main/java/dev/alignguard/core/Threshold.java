package dev.alignguard.core;

import java.util.Locale;

/**
 * One score threshold of a policy: a probability in [0, 1] at or above which a level (FLAG, REQUIRE_APPROVAL,
 * BLOCK) is reached, or {@link #OFF}, which no score reaches. Checked once, here, whether it comes from code or
 * from a config file; the error names the value that was wrong.
 */
public record Threshold(double value) {

    /** A threshold that never triggers. */
    public static final Threshold OFF = new Threshold(Double.POSITIVE_INFINITY);

    /** @throws IllegalArgumentException when {@code value} is neither in [0, 1] nor {@code +Infinity} (off) */
    public Threshold {
        if (value != Double.POSITIVE_INFINITY && !(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("a threshold must be a number in [0, 1] or off, got " + value);
        }
    }

    /** The threshold {@code value} ({@link Thresholds#OFF}, i.e. +Infinity, is {@link #OFF}). */
    public static Threshold of(double value) {
        return new Threshold(value);
    }

    /**
     * Reads a threshold as a config file writes it: a number in [0, 1], or {@code off} ({@code none} and
     * {@code false} mean the same).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static Threshold parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("off") || s.equals("none") || s.equals("false")) {
            return OFF;
        }
        double value;
        try {
            value = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number in [0, 1] or 'off', got '" + text + "'");
        }
        return new Threshold(value);
    }

    /** True for {@link #OFF}. */
    public boolean isOff() {
        return value == Double.POSITIVE_INFINITY;
    }

    /** {@code off} or the number. */
    @Override
    public String toString() {
        return isOff() ? "off" : Double.toString(value);
    }
}
