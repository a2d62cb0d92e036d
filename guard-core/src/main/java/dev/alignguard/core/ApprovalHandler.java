package dev.alignguard.core;

/**
 * Decides REQUIRE_APPROVAL verdicts for guarded tools, e.g. by asking a human in the host's UI. The
 * default, {@link #DENY}, refuses: an action that needs approval does not run unattended.
 */
@FunctionalInterface
public interface ApprovalHandler {

    /** Refuses every request (fail-closed). */
    ApprovalHandler DENY = (action, verdict, context) -> false;

    /**
     * Returns true to let the action run. An exception counts as a refusal.
     */
    boolean approve(AgentAction action, Verdict verdict, GuardContext context) throws Exception;
}
