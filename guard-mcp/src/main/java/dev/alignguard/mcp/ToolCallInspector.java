package dev.alignguard.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one {@code tools/call} with the guard, as an {@link AgentAction.ToolCall} of the tool's name and
 * arguments, and says what to do with it: forward it, or answer it in the server's place with a tool result
 * marked {@code isError} that tells the agent what was stopped and why, so that it can change course. The
 * guard's approval handler decides REQUIRE_APPROVAL; every verdict reaches the guard's audit sink.
 */
final class ToolCallInspector {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCallInspector.class);

    private final Guard guard;
    private final McpSession session;

    ToolCallInspector(Guard guard, McpSession session) {
        this.guard = guard;
        this.session = session;
    }

    /** What to do with one call: forward it unchanged, or send {@code reply} to the client instead. */
    record Outcome(String reply) {
        static final Outcome FORWARD = new Outcome(null);

        boolean forward() {
            return reply == null;
        }
    }

    /** Checks the call with this id (null for a notification) and these params; runs the model, so it blocks. */
    Outcome inspect(JsonNode id, JsonNode params) {
        JsonNode name = params == null ? null : params.get("name");
        if (name == null || !name.isTextual()) {
            return new Outcome(JsonRpc.error(id, JsonRpc.INVALID_PARAMS,
                    "Invalid params: tools/call needs params.name, the tool's name as a string; AlignGuard did not "
                            + "forward it"));
        }
        String tool = name.textValue();
        JsonNode arguments = params.get("arguments");
        String json = arguments == null || arguments.isNull() ? "{}" : arguments.toString();
        try {
            Verdict v = guard.enforce(AgentAction.toolCall(tool, json), session.context(id, tool));
            if (v.decision() != Decision.ALLOW) {
                LOG.warn("forwarding tools/call {} to {} with {}", id, tool, v.summary());
            }
            return Outcome.FORWARD;
        } catch (ActionBlockedException e) {
            LOG.warn("stopped tools/call {} to {}: {}", id, tool, e.verdict().summary());
            return new Outcome(JsonRpc.result(id, refusal(e)));
        }
    }

    /**
     * The tool result the client gets instead of the server's: {@link ActionBlockedException#refusal()} and
     * the evidence, as text the model reads, and the verdict under {@code _meta} for hosts that look.
     */
    private static ObjectNode refusal(ActionBlockedException e) {
        Verdict v = e.verdict();
        StringBuilder text = new StringBuilder(e.refusal());
        for (Evidence ev : v.evidence()) {
            text.append("\nEvidence: ").append(String.format(Locale.ROOT, "%s (score %.2f) in %s", ev.category().id(),
                    ev.score(), ev.field().name().toLowerCase(Locale.ROOT)));
            if (ev.path() != null && !ev.path().isEmpty()) {
                text.append('.').append(ev.path());
            }
            if (ev.snippet() != null && !ev.snippet().isEmpty()) {
                text.append(": \"").append(ev.snippet()).append('"');
            }
        }
        ObjectNode result = JsonRpc.object();
        result.putArray("content").addObject().put("type", "text").put("text", text.toString());
        result.put("isError", true);
        ObjectNode verdict = result.putObject("_meta").putObject("dev.alignguard/verdict");
        verdict.put("decision", v.decision().name()).put("cause", v.cause().name());
        ObjectNode scores = verdict.putObject("scores");
        v.scores().forEach((category, score) -> scores.put(category.id(), Math.round(score * 1e4) / 1e4)); // as audited
        return result;
    }
}
