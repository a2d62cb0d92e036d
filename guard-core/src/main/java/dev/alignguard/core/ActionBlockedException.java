package dev.alignguard.core;

/**
 * Thrown by a guarded tool instead of running it: the verdict was BLOCK, or REQUIRE_APPROVAL and the
 * {@link ApprovalHandler} said no. Carries the verdict so the host can show the evidence.
 */
public class ActionBlockedException extends GuardException {
    private static final long serialVersionUID = 1L;

    private final transient Verdict verdict;
    private final String tool;

    public ActionBlockedException(String tool, Verdict verdict, String message) {
        super(message);
        this.tool = tool;
        this.verdict = verdict;
    }

    /** The verdict that stopped the tool. */
    public Verdict verdict() {
        return verdict;
    }

    /** The name of the tool that did not run. */
    public String tool() {
        return tool;
    }
}
