package dev.alignguard.core;

/**
 * The part of an action a score, reason or evidence span belongs to. A tool call's payload and the agent's
 * rationale are scored separately, so a bland rationale cannot dilute a threatening e-mail body and a
 * revealing rationale is caught even when the payload looks harmless; the two are also scored together.
 */
public enum ScoredField {
    /** The text of a plan, output or message. */
    TEXT,
    /** A tool call's name and flattened argument values. */
    ARGUMENTS,
    /** The agent's stated reason for a tool call. */
    RATIONALE,
    /**
     * A whole tool call with a rationale: name, argument values and rationale in one text, scored beside the
     * two fields so that a threat split between the arguments and the rationale is seen whole; and, when a long
     * value (an attachment) sits between short ones, the short values and the rationale together without it.
     * Evidence from it points into the arguments or the rationale it came from.
     */
    ACTION
}
