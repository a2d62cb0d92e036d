package dev.alignguard.core;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is acting, for audit records and approval handlers: the agent, its session, one id per check
 * (generated when not given) and free-form caller attributes. Never scored.
 */
public record GuardContext(String agentId, String sessionId, String requestId, Map<String, String> attributes) {

    public GuardContext {
        agentId = agentId == null ? "" : agentId;
        sessionId = sessionId == null ? "" : sessionId;
        requestId = requestId == null || requestId.isEmpty() ? UUID.randomUUID().toString() : requestId;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A context with only a fresh request id. */
    public static GuardContext empty() {
        return new GuardContext("", "", null, Map.of());
    }

    /** A context for one agent and session, with a fresh request id. */
    public static GuardContext of(String agentId, String sessionId) {
        return new GuardContext(agentId, sessionId, null, Map.of());
    }

    /** This context with another request id. */
    public GuardContext withRequestId(String id) {
        return new GuardContext(agentId, sessionId, Objects.requireNonNull(id, "id"), attributes);
    }
}
