package dev.alignguard.core.audit;

/**
 * Receives every verdict the guard hands out, after the decision and before the host acts on it. Must be
 * thread-safe. An exception from {@link #record} is treated as an audit failure: the guard applies its
 * fail mode (by default the action is blocked), because an unrecorded decision is a lost decision.
 */
@FunctionalInterface
public interface AuditSink {

    /** Records one decision. */
    void record(AuditEvent event) throws Exception;
}
