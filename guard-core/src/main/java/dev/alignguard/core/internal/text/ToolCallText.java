package dev.alignguard.core.internal.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.ScoredField;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns a tool call into the fields that are scored: the payload (tool name, then one {@code path: value}
 * line per leaf argument value, in document order), separately the rationale, and, when there is a
 * rationale, the whole action (payload, a line break, the rationale) so that intent split between the two is
 * seen whole. When a long argument value (an attachment, a document) sits between short ones, the short values
 * and the rationale are also scored together without it, so that a demand split between a subject and a body
 * is not kept apart by the text between them. The format is the one the model was trained on
 * (training/CONTRACT.md). Malformed or too deeply nested JSON is scored as raw text and reported in
 * {@link Result#warnings()}; it is never dropped.
 */
public final class ToolCallText {

    /** How deep argument JSON may nest before it is scored as raw text instead. */
    public static final int MAX_DEPTH = 64;

    /**
     * An argument value longer than this (in words, or in characters for unspaced scripts) is left out of the
     * short-fields view: it is as long as a line window of {@code Chunking.DEFAULT}, so it is scored alone in
     * the payload anyway, and in the whole view it would keep the values around it in separate windows.
     */
    static final int LONG_VALUE_WORDS = 60;
    static final int LONG_VALUE_CHARS = 400;

    // A key repeated in one object is malformed: the tool may read the last value where a reader of the first
    // would see something else, and two fields with one path would make evidence ambiguous.
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ToolCallText() {
    }

    /** The fields of a tool call and any warnings about its arguments. */
    public record Result(List<FieldText> fields, List<String> warnings) {
    }

    /**
     * Extracts the payload field; when the rationale is non-blank, the rationale and whole-action fields; and
     * when long argument values were left out of it, the short-fields view.
     */
    public static Result extract(AgentAction.ToolCall call) {
        List<String> warnings = new ArrayList<>(1);
        List<FieldText> fields = new ArrayList<>(4);
        FieldText payload = payload(call.tool(), call.argumentsJson(), warnings);
        fields.add(payload);
        String rationale = call.rationale();
        boolean hasRationale = rationale != null && !rationale.isBlank();
        if (hasRationale) {
            fields.add(FieldText.whole(ScoredField.RATIONALE, rationale));
            fields.add(wholeAction(payload, rationale));
        }
        FieldText shortFields = shortFields(call.tool(), payload, hasRationale ? rationale : null);
        if (shortFields != null) {
            fields.add(shortFields);
        }
        return new Result(fields, warnings);
    }

    /**
     * The tool name, the argument values that are not long, and the rationale, as one whole-action text; null
     * unless at least one value was left out and at least two parts remain (otherwise another field says it).
     */
    private static FieldText shortFields(String tool, FieldText payload, String rationale) {
        StringBuilder text = new StringBuilder(tool);
        List<FieldText.Segment> kept = new ArrayList<>();
        for (FieldText.Segment s : payload.segments()) {
            if (s.path() == null) {
                return null; // raw text, not JSON: there are no fields to bring together
            }
            if (!isLong(payload.text(), s.start(), s.end())) {
                int start = appendKey(text, s.path());
                kept.add(new FieldText.Segment(s.path(), start, start + s.end() - s.start()));
                text.append(payload.text(), s.start(), s.end());
            }
        }
        int parts = kept.size() + (rationale == null ? 0 : 1);
        if (kept.size() == payload.segments().size() || parts < 2) {
            return null;
        }
        return wholeAction(new FieldText(ScoredField.ARGUMENTS, text.toString(), kept), rationale);
    }

    private static boolean isLong(String text, int start, int end) {
        if (end - start > LONG_VALUE_CHARS) {
            return true;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = start; i < end; i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord && ++words > LONG_VALUE_WORDS) {
                return true;
            }
            inWord = !space;
        }
        return false;
    }

    /** {@code payload} as an {@link ScoredField#ACTION} text, followed by the rationale unless it is null. */
    private static FieldText wholeAction(FieldText payload, String rationale) {
        List<FieldText.Segment> segments = new ArrayList<>(payload.segments().size() + 1);
        for (FieldText.Segment s : payload.segments()) {
            segments.add(new FieldText.Segment(s.path(), s.start(), s.end(), ScoredField.ARGUMENTS));
        }
        if (rationale == null) {
            return new FieldText(ScoredField.ACTION, payload.text(), segments);
        }
        int start = payload.text().length() + 1;
        segments.add(new FieldText.Segment(null, start, start + rationale.length(), ScoredField.RATIONALE));
        return new FieldText(ScoredField.ACTION, payload.text() + "\n" + rationale, segments);
    }

    /**
     * Starts the {@code path: value} line of a leaf value (a bare value when the path is empty); returns the
     * offset where the value goes.
     */
    private static int appendKey(StringBuilder text, String key) {
        text.append('\n');
        if (!key.isEmpty()) {
            text.append(key).append(": ");
        }
        return text.length();
    }

    static FieldText payload(String tool, String json, List<String> warnings) {
        StringBuilder text = new StringBuilder(tool.length() + json.length() + 16).append(tool);
        List<FieldText.Segment> segments = new ArrayList<>();
        if (json.isBlank()) {
            return new FieldText(ScoredField.ARGUMENTS, text.toString(), segments);
        }
        try {
            flatten(json, text, segments);
            return new FieldText(ScoredField.ARGUMENTS, text.toString(), segments);
        } catch (IOException | RuntimeException e) {
            warnings.add("arguments are not valid JSON (" + describe(e) + "); scored as raw text");
            text.setLength(tool.length());
            text.append('\n');
            segments.clear();
            segments.add(new FieldText.Segment(null, text.length(), text.length() + json.length()));
            text.append(json);
            return new FieldText(ScoredField.ARGUMENTS, text.toString(), segments);
        }
    }

    /**
     * The {@code path: value} lines of a JSON object or array, as arguments are scored (used for JSON found
     * inside base64), or null when {@code text} is not one JSON object or array.
     */
    static String flattenJson(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) {
            return null;
        }
        StringBuilder flat = new StringBuilder(t.length());
        try {
            flatten(t, flat, new ArrayList<>());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return flat.toString().strip();
    }

    private static void flatten(String json, StringBuilder text, List<FieldText.Segment> segments)
            throws IOException {
        Deque<Object> path = new ArrayDeque<>(); // String = object key, int[] = array index counter
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT -> {
                        advanceIndex(path);
                        path.push("");
                    }
                    case START_ARRAY -> {
                        advanceIndex(path);
                        path.push(new int[]{-1});
                    }
                    case END_OBJECT, END_ARRAY -> path.pop();
                    case FIELD_NAME -> {
                        path.pop();
                        path.push(p.currentName());
                    }
                    case VALUE_NULL -> advanceIndex(path);
                    default -> {
                        advanceIndex(path);
                        String value = p.getText();
                        String key = render(path);
                        int start = appendKey(text, key);
                        segments.add(new FieldText.Segment(key, start, start + value.length()));
                        text.append(value);
                    }
                }
            }
        }
    }

    private static void advanceIndex(Deque<Object> path) {
        if (!path.isEmpty() && path.peek() instanceof int[] index) {
            index[0]++;
        }
    }

    private static String render(Deque<Object> path) {
        StringBuilder sb = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            Object part = it.next();
            if (part instanceof int[] index) {
                sb.append('[').append(index[0]).append(']');
            } else if (plainKey((String) part)) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append((String) part);
            } else { // quoted, so that {"a.b": 1} and {"a": {"b": 1}} have different paths
                sb.append("[\"").append(((String) part).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
            }
        }
        return sb.toString();
    }

    /** Whether a key can be written bare in a path: not empty, and without dots, brackets or quotes. */
    private static boolean plainKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '[' || c == ']' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * What went wrong and where, without any of the argument text: Jackson's own messages quote the offending
     * token, and warnings travel into verdicts and audit records, which must not carry raw content.
     */
    private static String describe(Exception e) {
        if (!(e instanceof JsonProcessingException jpe)) {
            return e.getClass().getSimpleName();
        }
        String what = jpe instanceof JsonEOFException ? "input ends inside a value"
                : jpe instanceof StreamConstraintsException ? "over a parser limit (nesting depth or size)"
                : String.valueOf(jpe.getOriginalMessage()).startsWith("Duplicate field") ? "a key repeated in one object"
                : "malformed JSON";
        JsonLocation at = jpe.getLocation();
        return at == null || at.getColumnNr() < 0 ? what
                : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
