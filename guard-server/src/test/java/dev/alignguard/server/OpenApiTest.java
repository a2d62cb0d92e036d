package dev.alignguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.trace.TraceLine;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.json} matches the handlers: it lists exactly the server's routes, and real responses have a
 * documented status and validate against the documented schema (a small validator for the JSON Schema keywords
 * the document uses).
 */
class OpenApiTest {

    @Test
    void documentsExactlyTheRoutesTheServerAnswers() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            JsonNode doc = Running.json(s.get("/openapi.json"));
            assertEquals("3.1.0", doc.get("openapi").asText());
            Set<String> documented = new HashSet<>();
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
            Set<String> routed = Arrays.stream(Route.values()).map(r -> r.method + " " + r.path).collect(Collectors.toSet());
            assertEquals(routed, documented);
        }
    }

    @Test
    void realResponsesHaveADocumentedStatusAndMatchTheirSchema() throws Exception {
        Hold hold = new Hold();
        List<Exchange> seen = new ArrayList<>();
        try (Running s = Running.loading(Running.SETTINGS, hold.classifier())) {
            seen.add(new Exchange(Route.READY, s.get("/readyz")));
            seen.add(new Exchange(Route.CHECK, s.post("/v1/check", "{\"text\": \"hi\"}")));
        }
        try (Running s = Running.with(Running.SETTINGS.withCapacity(1, 0, 8).withLimits(2048, Duration.ofSeconds(5)),
                hold.classifier())) {
            seen.add(new Exchange(Route.READY, s.get("/readyz")));
            seen.add(new Exchange(Route.HEALTH, s.get("/healthz")));
            seen.add(new Exchange(Route.CHECK, s.post("/v1/check", """
                    {"id": 1, "tool": "send_email", "arguments": {"body": "x"}, "rationale": "r", "agent_id": "a"}""")));
            seen.add(new Exchange(Route.CHECK, s.post("/v1/check", "{\"text\": ")));
            seen.add(new Exchange(Route.CHECK, s.post("/v1/check", "{\"text\": \"" + "a".repeat(3000) + "\"}")));
            seen.add(new Exchange(Route.CHECK_BATCH, s.post("/v1/check/batch",
                    "{\"actions\": [{\"id\": \"a\", \"text\": \"hi\"}, {\"id\": \"b\", \"kind\": \"poem\", \"text\": \"x\"}]}")));
            seen.add(new Exchange(Route.CHECK_BATCH, s.post("/v1/check/batch", "[]")));
            var held = s.http.sendAsync(HttpRequest.newBuilder(s.uri("/v1/check"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"<hold>\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            hold.awaitHeld(1);
            seen.add(new Exchange(Route.CHECK, s.post("/v1/check", "{\"text\": \"queue is full\"}")));
            hold.release();
            held.get();
            seen.add(new Exchange(Route.OPENAPI, s.get("/openapi.json")));
            seen.add(new Exchange(Route.METRICS, s.get("/metrics")));
        }
        try (Running s = Running.with(Running.SETTINGS.withToken("token-0123456789abcdef"), FakeClassifier.byMarkers())) {
            seen.add(new Exchange(Route.CHECK, s.post("/v1/check", "{\"text\": \"hi\"}")));
            seen.add(new Exchange(Route.METRICS, s.get("/metrics")));
        }
        JsonNode doc = TraceLine.readJson(loadDocument());
        Set<Integer> statuses = new HashSet<>();
        for (Exchange e : seen) {
            statuses.add(e.response.statusCode());
            JsonNode op = doc.get("paths").get(e.route.path).get(e.route.method.toLowerCase(Locale.ROOT));
            JsonNode documented = resolve(doc, op.get("responses").get(Integer.toString(e.response.statusCode())));
            assertTrue(documented != null, e.route.path + " answered " + e.response.statusCode() + ", not documented");
            JsonNode json = documented.path("content").path("application/json").path("schema");
            if (!json.isMissingNode() && e.route != Route.OPENAPI) {
                List<String> errors = new ArrayList<>();
                validate(doc, json, Running.json(e.response), "$", errors);
                assertEquals(List.of(), errors, e.route.path + " " + e.response.statusCode() + ": " + e.response.body());
            }
        }
        assertEquals(Set.of(200, 400, 401, 413, 429, 503), statuses, "the exchanges cover these statuses");
    }

    private record Exchange(Route route, HttpResponse<String> response) {
    }

    private static String loadDocument() throws IOException {
        try (InputStream in = GuardServer.class.getResourceAsStream("openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        while (node != null && node.has("$ref")) {
            JsonNode target = doc;
            for (String part : node.get("$ref").asText().substring(2).split("/")) {
                target = target.get(part);
            }
            node = target;
        }
        return node;
    }

    /** Checks {@code value} against {@code schema}: $ref, type, enum, required, properties, additionalProperties, items, oneOf, anyOf. */
    private static void validate(JsonNode doc, JsonNode schema, JsonNode value, String at, List<String> errors) {
        schema = resolve(doc, schema);
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(at + ": expected type " + schema.get("type") + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        for (JsonNode r : schema.path("required")) {
            if (!value.has(r.asText())) {
                errors.add(at + ": missing required '" + r.asText() + "'");
            }
        }
        if (value.isObject()) {
            JsonNode props = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (props.has(f.getKey())) {
                    validate(doc, props.get(f.getKey()), f.getValue(), at + "." + f.getKey(), errors);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    errors.add(at + ": undocumented property '" + f.getKey() + "'");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(doc, schema.get("items"), value.get(i), at + "[" + i + "]", errors);
            }
        }
        if (schema.has("oneOf") && matching(doc, schema.get("oneOf"), value) != 1) {
            errors.add(at + ": matches " + matching(doc, schema.get("oneOf"), value) + " of oneOf, not exactly one");
        }
        if (schema.has("anyOf") && matching(doc, schema.get("anyOf"), value) == 0) {
            errors.add(at + ": matches none of anyOf");
        }
    }

    private static int matching(JsonNode doc, JsonNode alternatives, JsonNode value) {
        int n = 0;
        for (JsonNode alt : alternatives) {
            List<String> errors = new ArrayList<>();
            validate(doc, alt, value, "", errors);
            n += errors.isEmpty() ? 1 : 0;
        }
        return n;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
