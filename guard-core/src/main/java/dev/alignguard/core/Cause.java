package dev.alignguard.core;

/**
 * Why a verdict has its decision, so that a broken guard is never mistaken for a real block or a real
 * allow: only {@link #POLICY} verdicts come from the model's scores.
 */
public enum Cause {
    /** The policy applied to the classifier's scores. */
    POLICY,
    /** The classifier, the input or the audit sink failed; the configured fail mode decided. */
    ERROR,
    /** The check ran past its deadline; the configured fail mode decided. */
    TIMEOUT
}
