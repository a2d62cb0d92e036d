package dev.alignguard.core;

/**
 * The three score thresholds of one category: at or above {@code flag} the verdict is at least FLAG, at or
 * above {@code requireApproval} at least REQUIRE_APPROVAL, at or above {@code block} BLOCK. A level set to
 * {@link #OFF} never triggers. Values are probabilities in [0, 1] and must not decrease from flag to block.
 */
public record Thresholds(double flag, double requireApproval, double block) {

    /** A threshold that never triggers. */
    public static final double OFF = Double.POSITIVE_INFINITY;

    public Thresholds {
        check("flag", flag);
        check("require_approval", requireApproval);
        check("block", block);
        if (flag > requireApproval || requireApproval > block) {
            throw new IllegalArgumentException("thresholds must satisfy flag <= require_approval <= block, got "
                    + flag + ", " + requireApproval + ", " + block);
        }
    }

    private static void check(String name, double value) {
        if (value != OFF && !(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " threshold must be in [0, 1] or off, got " + value);
        }
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
