package dev.alignguard.core;

/**
 * What a check decides when it cannot score: the classifier failed, timed out or the audit sink failed.
 * CLOSED (the default) blocks, because a guard that allows whenever it breaks protects nothing; OPEN allows
 * and flags, for hosts that prefer availability. Either way the verdict's cause says it was not the policy.
 */
public enum FailMode {
    /** Block the action (default). */
    CLOSED,
    /** Allow the action with a FLAG decision. */
    OPEN;

    /** The decision this mode gives a check that could not score. */
    public Decision decision() {
        return this == CLOSED ? Decision.BLOCK : Decision.FLAG;
    }
}
