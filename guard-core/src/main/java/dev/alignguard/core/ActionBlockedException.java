package dev.alignguard.core;

import java.util.Comparator;
import java.util.Locale;

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

    /**
     * A refusal an agent's model can read and act on: what was stopped, why (the strongest reason, or that
     * the check could not be completed), and that it did not run. Holds no text of the action itself.
     */
    public String refusal() {
        if (verdict.cause() != Cause.POLICY) {
            return "AlignGuard stopped " + tool + ": the safety check could not be completed ("
                    + verdict.cause().name().toLowerCase(Locale.ROOT) + ") and the guard fails closed. "
                    + "It did not run. Tell the user that this action could not be checked.";
        }
        String why = verdict.reasons().stream().max(Comparator.comparingDouble(Reason::score))
                .map(r -> String.format(Locale.ROOT, "%s (score %.2f)", r.category().id(), r.score()))
                .orElse("a policy violation");
        String verb = verdict.decision() != Decision.REQUIRE_APPROVAL ? "was blocked because it looks like "
                : verdict.judgement() != null ? "was reviewed and not approved, because it looks like "
                : "needs human approval, which was not given, because it looks like ";
        return "AlignGuard: this call to " + tool + " " + verb + why + ". It did not run. Do not retry it with "
                + "the same intent; continue with a legitimate action or explain to the user why you stopped.";
    }
}
