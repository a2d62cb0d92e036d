package dev.alignguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.Verdict;
import java.util.Locale;

/**
 * The scan's output line for one trace line: the verdict's scores (rounded to 1e-6), decision, cause, evidence
 * and warnings, or the reason the line could not be read. Public so that every front end of the scan (the CLI,
 * guard-spark) writes the same fields the same way; every string in it is valid UTF-8.
 */
public final class VerdictLines {

    private VerdictLines() {
    }

    /** The result line for a verdict on line {@code line} ({@code id}: the line's id, or null). */
    public static ObjectNode verdict(long line, JsonNode id, Verdict v) {
        ObjectNode o = start(line, id);
        ObjectNode scores = o.putObject("scores");
        for (Category c : Category.values()) {
            scores.put(c.id(), round(v.score(c)));
        }
        o.put("decision", v.decision().name());
        o.put("cause", v.cause().name());
        ArrayNode evidence = o.putArray("evidence");
        for (Evidence e : v.evidence()) {
            ObjectNode ev = evidence.addObject();
            ev.put("category", e.category().id());
            ev.put("score", round(e.score()));
            ev.put("field", e.field().name().toLowerCase(Locale.ROOT));
            if (e.path() != null) {
                ev.put("path", clean(e.path()));
            }
            ev.put("start", e.start());
            ev.put("end", e.end());
            ev.put("snippet", clean(e.snippet()));
        }
        if (!v.warnings().isEmpty()) {
            ArrayNode w = o.putArray("warnings");
            v.warnings().forEach(s -> w.add(clean(s)));
        }
        return o;
    }

    /** The result line for a line that could not be read. */
    public static ObjectNode error(long line, JsonNode id, String message) {
        return start(line, id).put("error", clean(message));
    }

    /** What the report groups by: the tool name, or the kind of a text action in parentheses. */
    public static String source(AgentAction action) {
        return action instanceof AgentAction.ToolCall call ? call.tool() : "(" + action.kind() + ")";
    }

    private static ObjectNode start(long line, JsonNode id) {
        ObjectNode o = TraceLine.JSON.createObjectNode();
        o.put("line", line);
        if (id != null) {
            o.set("id", id.isTextual() ? o.textNode(clean(id.asText())) : id);
        }
        return o;
    }

    private static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    /** Replaces unpaired surrogates so every output line is valid UTF-8. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                sb.append('\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
