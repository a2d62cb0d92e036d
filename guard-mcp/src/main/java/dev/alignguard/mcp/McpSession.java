package dev.alignguard.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignguard.core.GuardContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the proxy learns about its session from the traffic it relays: the client's name (from
 * {@code initialize}) and each tool's description (from {@code tools/list} results). It becomes the context
 * of every check, for audit records and approval handlers; none of it is scored, because a description is
 * the server's text, not the agent's action. Thread-safe.
 */
final class McpSession {
    /** The {@link GuardContext#attributes()} key under which a check carries the tool's description. */
    static final String TOOL_DESCRIPTION = "mcp.tool.description";

    private final String id = UUID.randomUUID().toString();
    private final Map<String, String> descriptions = new ConcurrentHashMap<>();
    private volatile String clientName = "";

    /** Notes the client's name from the params of its {@code initialize} request. */
    void initializing(JsonNode params) {
        JsonNode name = params == null ? null : params.path("clientInfo").get("name");
        if (name != null && name.isTextual()) {
            clientName = name.textValue();
        }
    }

    /** Learns the tools of one {@code tools/list} result page. */
    void toolsListed(JsonNode result) {
        JsonNode tools = result == null ? null : result.get("tools");
        if (tools == null || !tools.isArray()) {
            return;
        }
        for (JsonNode tool : tools) {
            JsonNode name = tool.get("name");
            JsonNode description = tool.get("description");
            if (name != null && name.isTextual() && description != null && description.isTextual()) {
                descriptions.put(name.textValue(), description.textValue());
            }
        }
    }

    /**
     * The context for checking one call: the client as agent, this proxy run as session, the JSON-RPC id
     * as request id, and the tool's description when the server listed one.
     */
    GuardContext context(JsonNode requestId, String tool) {
        String description = descriptions.get(tool);
        return new GuardContext(clientName, id, requestId == null ? null : JsonRpc.display(requestId),
                description == null ? Map.of() : Map.of(TOOL_DESCRIPTION, description));
    }
}
