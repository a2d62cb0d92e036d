package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void readsNestedObjectsArraysNumbersAndText() throws IOException {
        Object v = JsonValues.parse("{\"id\":\"m\",\"n\":128,\"t\":{\"flag\":0.5},\"l\":[\"a\",true,null]}");
        Map<String, Object> m = JsonValues.object(v);
        assertEquals("m", JsonValues.text(m.get("id")));
        assertEquals(128.0, JsonValues.number(m.get("n"), -1));
        assertEquals(0.5, JsonValues.number(JsonValues.object(m.get("t")).get("flag"), -1));
        assertEquals(Arrays.asList("a", true, null), JsonValues.array(m.get("l")));
    }

    @Test
    void wrongTypesFallBackInsteadOfThrowing() throws IOException {
        Map<String, Object> m = JsonValues.object(JsonValues.parse("{\"n\":\"128\"}"));
        assertEquals(-1, JsonValues.number(m.get("n"), -1));
        assertEquals("", JsonValues.text(m.get("missing")));
        assertEquals(List.of(), JsonValues.array(m.get("n")));
        assertEquals(Map.of(), JsonValues.object(m.get("n")));
    }

    @Test
    void truncatedEmptyOrTrailingInputIsAnIoError() {
        for (String bad : List.of("{\"a\":1", "[1,2", "", "{} {}", "{not json")) {
            assertThrows(IOException.class, () -> JsonValues.parse(bad), bad);
        }
    }
}
