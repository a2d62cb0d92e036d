package dev.alignguard.core;

/**
 * The three score thresholds of one category: at or above {@code flag} the verdict is at least FLAG, at or
 * above {@code requireApproval} at least REQUIRE_APPROVAL, at or above {@code block} BLOCK. A level set to
 * {@link #OFF} never triggers. Each value is a {@link Threshold} (checked there) and they must not decrease from
 * flag to block; the error names the level and the values.
 */
public record Thresholds(double flag, double requireApproval, double block) {

    /** A threshold that never triggers ({@link Threshold#OFF}'s value). */
    public static final double OFF = Double.POSITIVE_INFINITY;

    public Thresholds {
        check("flag", flag);
        check("require_approval", requireApproval);
        check("block", block);
        if (flag > requireApproval || requireApproval > block) {
            throw new IllegalArgumentException("thresholds must satisfy flag <= require_approval <= block, got flag="
                    + Threshold.of(flag) + ", require_approval=" + Threshold.of(requireApproval) + ", block="
                    + Threshold.of(block));
        }
    }

    private static void check(String level, double value) {
        try {
            Threshold.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(level + ": " + e.getMessage(), e);
        }
    }

    /** The thresholds of three levels that are each checked already. */
    public static Thresholds of(Threshold flag, Threshold requireApproval, Threshold block) {
        return new Thresholds(flag.value(), requireApproval.value(), block.value());
    }

    /** The strictest decision whose threshold {@code score} reaches, and that threshold; null for ALLOW. */
    public Reached reached(double score) {
        if (score >= block) {
            return new Reached(Decision.BLOCK, block);
        }
        if (score >= requireApproval) {
            return new Reached(Decision.REQUIRE_APPROVAL, requireApproval);
        }
        if (score >= flag) {
            return new Reached(Decision.FLAG, flag);
        }
        return null;
    }

    /** A threshold that was reached and the decision it carries. */
    public record Reached(Decision decision, double threshold) {
    }
}
