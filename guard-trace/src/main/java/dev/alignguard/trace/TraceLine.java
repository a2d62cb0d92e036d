package dev.alignguard.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.GuardContext;
import java.util.Locale;

/**
 * One action in the trace format, as the CLI reads it from a line and the server from a request body:
 * {@code {"id"?, "text", "kind"?}} or {@code {"id"?, "tool", "arguments", "rationale"?}}, where arguments is a
 * JSON object or a string holding JSON or plain text, plus optional {@code agent_id} and {@code session_id}. An
 * object that cannot be read becomes an error naming the problem, with the id when it is known.
 *
 * @param id      the caller's {@code id} as written (any JSON value), or null
 * @param action  the action to check, or null when {@code error} is set
 * @param context who acts ({@code agent_id}, {@code session_id}), or null when {@code error} is set
 * @param error   why the object cannot be checked, or null
 */
public record TraceLine(JsonNode id, AgentAction action, GuardContext context, String error) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(256).maxStringLength(64 << 20).build());
    }

    /** Reads one JSON document; the exception's message says where and why it is not valid JSON. */
    public static JsonNode readJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON" + column(e) + ": " + brief(e), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("not valid JSON: the document is empty");
        }
        return node;
    }

    /** Reads one line or request body in the trace format. */
    public static TraceLine parse(String json) {
        try {
            return of(readJson(json));
        } catch (IllegalArgumentException e) {
            return new TraceLine(null, null, null, e.getMessage());
        }
    }

    /** Reads one already-parsed JSON value in the trace format. */
    public static TraceLine of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new TraceLine(null, null, null, "expected a JSON object");
        }
        JsonNode id = node.get("id");
        try {
            GuardContext context = GuardContext.of(optionalString(node, "agent_id"),
                    optionalString(node, "session_id"));
            return new TraceLine(id, read(node), context, null);
        } catch (IllegalArgumentException e) {
            return new TraceLine(id, null, null, e.getMessage());
        }
    }

    private static AgentAction read(JsonNode node) {
        JsonNode tool = node.get("tool");
        if (tool != null && !tool.isNull()) {
            if (!tool.isTextual()) {
                throw new IllegalArgumentException("'tool' must be a non-empty string");
            }
            JsonNode args = node.get("arguments");
            String arguments;
            if (args == null || args.isNull()) {
                arguments = null;
            } else if (args.isTextual()) {
                arguments = args.asText();
            } else if (args.isObject() || args.isArray()) {
                arguments = args.toString();
            } else {
                throw new IllegalArgumentException("'arguments' must be a JSON object or a string");
            }
            return action(tool.asText(), arguments, optionalString(node, "rationale"), null, null);
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new IllegalArgumentException("a line needs 'text' (a string) or 'tool' and 'arguments'");
        }
        JsonNode kind = node.get("kind");
        return action(null, null, null, text.asText(), kind == null || kind.isNull() ? null : kind.asText());
    }

    /**
     * The trace format's rules on an action's fields once they are strings (null: absent), shared by every reader
     * of the format (the JSON reader here, guard-spark's columns): a tool call when {@code tool} is given
     * ({@code arguments} JSON or plain text), otherwise a text action of {@code kind} ({@code plan},
     * {@code output} or {@code message}, the default).
     *
     * @throws IllegalArgumentException with the message a reader reports as the action's error
     */
    public static AgentAction action(String tool, String arguments, String rationale, String text, String kind) {
        if (tool != null) {
            if (tool.isBlank()) {
                throw new IllegalArgumentException("'tool' must be a non-empty string");
            }
            return AgentAction.toolCall(tool, arguments == null ? "" : arguments, rationale);
        }
        if (text == null) {
            throw new IllegalArgumentException("a line needs 'text' (a string) or 'tool' and 'arguments'");
        }
        String k = kind == null ? "message" : kind.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "plan" -> AgentAction.plan(text);
            case "output" -> AgentAction.output(text);
            case "message" -> AgentAction.message(text);
            default -> throw new IllegalArgumentException("unknown kind '" + kind
                    + "' (expected plan, output or message)");
        };
    }

    /** The string at {@code field}, null when absent or JSON null; anything else is an error naming the field. */
    private static String optionalString(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static String column(Exception e) {
        return e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getColumnNr() > 0
                ? " at column " + j.getLocation().getColumnNr() : "";
    }

    /** {@code m} without the first span from {@code from} to the next {@code to} (inclusive), if both occur. */
    private static String cut(String m, String from, String to) {
        int start = m.indexOf(from);
        int end = start < 0 ? -1 : m.indexOf(to, start + from.length());
        return end < 0 ? m : m.substring(0, start) + m.substring(end + to.length());
    }

    /** The parser's reason in a few words: no source excerpt, no parser feature names. */
    private static String brief(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        m = cut(cut(m.replace('\n', ' '), " (JSON String, Number", "'false')"), " (start marker at", "])");
        m = m.replace("was expecting", "expected a JSON value").replace("expected a valid value", "expected a JSON value");
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }
}
