package dev.alignguard.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.Category;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.Verdict;
import java.util.Locale;

/**
 * The verdict object of the trace format, written the same way by the CLI (one per output line) and the server
 * (one per checked action): {@code scores}, {@code decision}, {@code cause}, {@code evidence} and, when there are
 * any, {@code warnings}. Every string is valid UTF-16 (unpaired surrogates replaced), so the JSON is valid UTF-8.
 */
public final class VerdictJson {
    private VerdictJson() {
    }

    /** A new, empty JSON object, for a caller that adds its own fields (line, id) before the verdict's. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Puts the caller's {@code id} (any JSON value as written; null: left out) into {@code out}, a string id made
     * well-formed like every other string, and returns {@code out}.
     */
    public static ObjectNode putId(ObjectNode out, JsonNode id) {
        if (id != null) {
            out.set("id", id.isTextual() ? out.textNode(wellFormed(id.asText())) : id);
        }
        return out;
    }

    /** Appends the verdict's fields to {@code out} and returns it. */
    public static ObjectNode write(Verdict v, ObjectNode out) {
        ObjectNode scores = out.putObject("scores");
        for (Category c : Category.values()) {
            scores.put(c.id(), round(v.score(c)));
        }
        out.put("decision", v.decision().name());
        out.put("cause", v.cause().name());
        ArrayNode evidence = out.putArray("evidence");
        for (Evidence e : v.evidence()) {
            ObjectNode ev = evidence.addObject();
            ev.put("category", e.category().id());
            ev.put("score", round(e.score()));
            ev.put("field", e.field().name().toLowerCase(Locale.ROOT));
            if (e.path() != null) {
                ev.put("path", wellFormed(e.path()));
            }
            ev.put("start", e.start());
            ev.put("end", e.end());
            ev.put("snippet", wellFormed(e.snippet()));
        }
        if (!v.warnings().isEmpty()) {
            ArrayNode w = out.putArray("warnings");
            v.warnings().forEach(s -> w.add(wellFormed(s)));
        }
        return out;
    }

    /** {@code s} with unpaired surrogates replaced by U+FFFD, so that it encodes as valid UTF-8. */
    public static String wellFormed(String s) {
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

    private static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }
}
