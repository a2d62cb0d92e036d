package dev.alignguard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.alignguard.core.AgentAction;
import java.util.Locale;

/**
 * One line of a trace file turned into an action: {@code {"id", "text", "kind"?}} or
 * {@code {"id", "tool", "arguments", "rationale"?}}, where arguments is a JSON object or a string holding JSON
 * or plain text. A line that cannot be read becomes an error with the id when it is known. Public for other
 * readers of the trace format (guard-spark), which must read it exactly as the CLI does.
 */
public record TraceLine(JsonNode id, AgentAction action, String error) {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(256).maxStringLength(64 << 20).build());
    }

    /** Reads one line of the trace format; never throws for bad input. */
    public static TraceLine parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException | RuntimeException e) {
            return new TraceLine(null, null, "not valid JSON" + column(e) + ": " + brief(e));
        }
        if (node == null || !node.isObject()) {
            return new TraceLine(null, null, "expected a JSON object");
        }
        JsonNode id = node.get("id");
        try {
            return new TraceLine(id, action(node), null);
        } catch (IllegalArgumentException e) {
            return new TraceLine(id, null, e.getMessage());
        }
    }

    private static AgentAction action(JsonNode node) {
        JsonNode tool = node.get("tool");
        JsonNode text = node.get("text");
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
            JsonNode rationale = node.get("rationale");
            if (rationale != null && !rationale.isNull() && !rationale.isTextual()) {
                throw new IllegalArgumentException("'rationale' must be a string");
            }
            return action(tool.asText(), arguments, rationale == null || rationale.isNull() ? null : rationale.asText(),
                    null, null);
        }
        if (text == null || !text.isTextual()) {
            throw new IllegalArgumentException("a line needs 'text' (a string) or 'tool' and 'arguments'");
        }
        JsonNode kind = node.get("kind");
        return action(null, null, null, text.asText(), kind == null || kind.isNull() ? null : kind.asText());
    }

    /**
     * The trace format's rules on a line's fields once they are strings (null: absent), shared by every reader
     * of the format: a tool call when {@code tool} is given ({@code arguments} JSON or plain text), otherwise a
     * text action of {@code kind} ({@code plan}, {@code output} or {@code message}, the default).
     *
     * @throws IllegalArgumentException with the message a reader reports as the line's error
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
