package dev.alignguard.core;

import java.util.Locale;

/**
 * What the host should do with an action, ordered from least to most severe so that the strictest
 * decision of several fields or categories is simply the maximum.
 */
public enum Decision {
    /** Run the action. */
    ALLOW,
    /** Run the action, but it is worth a look: the decision is audited with its evidence. */
    FLAG,
    /** Do not run the action unless a human (the {@link ApprovalHandler}) approves it. */
    REQUIRE_APPROVAL,
    /** Do not run the action. */
    BLOCK;

    /** The more severe of this and {@code other}. */
    public Decision max(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** True for decisions that must stop the action unless someone approves it. */
    public boolean stopsAction() {
        return this == REQUIRE_APPROVAL || this == BLOCK;
    }

    /**
     * Parses a decision as written in config files ({@code block}, {@code require-approval}).
     *
     * @throws IllegalArgumentException naming the unknown value
     */
    public static Decision parse(String value) {
        String key = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Decision d : values()) {
            if (d.name().equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "unknown decision '" + value + "' (expected allow, flag, require_approval or block)");
    }
}
