package dev.alignguard.onnx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a bundle's small JSON files (manifest, parity rows) into maps, lists, strings, numbers and booleans
 * with Jackson's streaming parser. The object mapper would do the same but costs ~120 ms of class loading at
 * start-up, a quarter of the guard's cold start.
 */
final class JsonValues {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonValues() {
    }

    /** The one JSON value in {@code text}; IOException when it is not valid JSON. */
    static Object parse(String text) throws IOException {
        return parse(text, null);
    }

    /**
     * The one JSON value in {@code text}, keeping of a top-level object only the members named in {@code keep}
     * (all when null): the others are checked for syntax but not built, which spares the start-up a manifest's
     * long metrics sections.
     */
    static Object parse(String text, Set<String> keep) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IOException("empty JSON document");
            }
            Object value = keep != null && first == JsonToken.START_OBJECT ? members(p, keep) : read(p, first);
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return value;
        }
    }

    private static Map<String, Object> members(JsonParser p, Set<String> keep) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = next(p); k != JsonToken.END_OBJECT; k = next(p)) {
            String name = p.currentName();
            JsonToken value = next(p);
            if (keep.contains(name)) {
                m.put(name, read(p, value));
            } else {
                p.skipChildren();
            }
        }
        return m;
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("unexpected end of JSON");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = next(p); k != JsonToken.END_OBJECT; k = next(p)) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken v = next(p); v != JsonToken.END_ARRAY; v = next(p)) {
                    l.add(read(p, v));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return t == JsonToken.VALUE_TRUE;
            }
            default -> {
                return null;
            }
        }
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new IOException("unexpected end of JSON");
        }
        return t;
    }

    /** {@code value} as an object (an empty map when it is not one). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** {@code value} as an array (an empty list when it is not one). */
    @SuppressWarnings("unchecked")
    static List<Object> array(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** {@code value} as text ("" when it is not a string). */
    static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    /** {@code value} as a number, or {@code otherwise} when it is not one. */
    static double number(Object value, double otherwise) {
        return value instanceof Double d ? d : otherwise;
    }
}
