package dev.alignguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.Policy;
import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.testing.FakeClassifier;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code /v1/check} and {@code /v1/check/batch} over real HTTP (JDK HttpClient) with a test classifier. */
class CheckEndpointTest {

    @Test
    void answersTheTraceFormatsVerdictObjectWithTheAuditedRequestId() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            HttpResponse<String> r = s.post("/v1/check", """
                    {"id": "call-1", "tool": "send_email", "arguments": {"to": "ops@example.com", "body": "Lunch?"},
                     "agent_id": "agent-7", "session_id": "s-1"}""");
            assertEquals(200, r.statusCode());
            assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
            JsonNode v = Running.json(r);
            assertEquals("call-1", v.get("id").asText());
            assertEquals("ALLOW", v.get("decision").asText());
            assertEquals("POLICY", v.get("cause").asText());
            assertTrue(v.get("allowed").asBoolean());
            assertTrue(v.get("scores").has("self_preservation"));
            assertEquals(List.of(v.get("request_id").asText()), s.auditedRequestIds());
            assertEquals("agent-7", s.audit.events.get(s.audit.events.size() - 1).context().agentId());
        }
    }

    @Test
    void blocksAThreateningEmailAndPointsAtTheEvidence() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            JsonNode v = Running.json(s.post("/v1/check", """
                    {"tool": "send_email", "arguments": {"body": "<blackmail=0.97> sign or the photos go out"}}"""));
            assertEquals("BLOCK", v.get("decision").asText());
            assertFalse(v.get("allowed").asBoolean());
            assertEquals("body", v.get("evidence").get(0).get("path").asText());
        }
    }

    @Test
    void malformedJsonGets400NamingWhereItBreaks() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            HttpResponse<String> r = s.post("/v1/check", "{\"text\": \"hi\",, }");
            assertEquals(400, r.statusCode());
            assertTrue(Running.json(r).get("error").asText().startsWith("not valid JSON at column 15"), r.body());
            assertEquals(List.of(), s.auditedRequestIds(), "nothing was checked, nothing is audited");
        }
    }

    @Test
    void anActionWithoutTextOrToolGets400NamingTheFields() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            HttpResponse<String> r = s.post("/v1/check", "{\"arguments\": {}}");
            assertEquals(400, r.statusCode());
            assertEquals("a line needs 'text' (a string) or 'tool' and 'arguments'", Running.json(r).get("error").asText());
        }
    }

    @Test
    void aBodyOverTheLimitGets413NamingTheLimit() throws Exception {
        try (Running s = Running.with(Running.SETTINGS.withLimits(4096, Duration.ofSeconds(5)), FakeClassifier.byMarkers())) {
            HttpResponse<String> r = s.post("/v1/check", "{\"text\": \"" + "a".repeat(5000) + "\"}");
            assertEquals(413, r.statusCode());
            assertEquals("the request body is larger than the limit of 4096 bytes", Running.json(r).get("error").asText());
        }
    }

    @Test
    void aChunkedBodyOverTheLimitGets413EveryTimeBecauseTheServerReadsItToTheEndBeforeClosing() throws Exception {
        try (Running s = Running.with(Running.SETTINGS.withLimits(4096, Duration.ofSeconds(5)), FakeClassifier.byMarkers())) {
            byte[] huge = ("{\"text\": \"" + "a".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10; i++) { // closing on unread bytes resets the connection and loses the 413 now and then
                HttpResponse<String> r = s.send(HttpRequest.newBuilder(s.uri("/v1/check"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))));
                assertEquals(413, r.statusCode(), r.body());
            }
        }
    }

    @Test
    void aDeclaredLengthBeyondWhatIsWorthDrainingGets413WithoutWaitingForTheBody() throws Exception {
        try (Running s = Running.with(Running.SETTINGS.withLimits(4096, Duration.ofSeconds(5)), FakeClassifier.byMarkers());
             Socket client = new Socket("127.0.0.1", s.server.port())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: " + (1L << 30)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            String head = head(client.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 413 "), head);
        }
    }

    @Test
    void aSlowBodyGets408AtTheDeadlineWhileOtherClientsAreServed() throws Exception {
        try (Running s = Running.with(Running.SETTINGS.withLimits(4096, Duration.ofMillis(500)), FakeClassifier.byMarkers());
             Socket slow = new Socket("127.0.0.1", s.server.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"text\": ")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(200, s.post("/v1/check", "{\"text\": \"meanwhile\"}").statusCode());
            slow.setSoTimeout(10_000);
            InputStream in = slow.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("did not arrive within the deadline of 500 ms"), answer);
        }
    }

    @Test
    void checksOnOneKeptAliveConnectionAreAnsweredWithContentLengthNotChunked() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers());
             Socket client = new Socket("127.0.0.1", s.server.port())) {
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            for (String text : List.of("first", "second")) {
                String body = "{\"text\": \"" + text + "\"}";
                out.write(("POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = head(in).toLowerCase(Locale.ROOT);
                assertTrue(head.startsWith("http/1.1 200 "), head);
                assertFalse(head.contains("transfer-encoding"), head);
                assertFalse(head.contains("connection: close"), head);
                int length = Integer.parseInt(head.replaceAll("(?s).*content-length: *(\\d+).*", "$1"));
                assertTrue(new String(in.readNBytes(length), StandardCharsets.UTF_8).endsWith("}"));
            }
            assertEquals(2, s.auditedRequestIds().size());
        }
    }

    @Test
    void aFullQueueGets429WithRetryAfter() throws Exception {
        Hold hold = new Hold();
        try (Running s = Running.with(Running.SETTINGS.withCapacity(1, 1, 8), hold.classifier())) {
            var first = s.http.sendAsync(HttpRequest.newBuilder(s.uri("/v1/check"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"<hold> one\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            hold.awaitHeld(1);
            var second = s.http.sendAsync(HttpRequest.newBuilder(s.uri("/v1/check"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"two\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitWaiting(s, 1);
            HttpResponse<String> third = s.post("/v1/check", "{\"text\": \"three\"}");
            assertEquals(429, third.statusCode());
            assertEquals("1", third.headers().firstValue("retry-after").orElseThrow());
            hold.release();
            assertEquals(200, first.get().statusCode());
            assertEquals(200, second.get().statusCode());
            assertEquals(2, s.auditedRequestIds().size(), "the refused request is not a decision");
        }
    }

    @Test
    void waitingPastTheDeadlineGets503WithRetryAfter() throws Exception {
        Hold hold = new Hold();
        try (Running s = Running.with(Running.SETTINGS.withCapacity(1, 4, 8).withLimits(4096, Duration.ofMillis(300)),
                hold.classifier())) {
            var first = s.http.sendAsync(HttpRequest.newBuilder(s.uri("/v1/check"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"<hold> one\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            hold.awaitHeld(1);
            HttpResponse<String> late = s.post("/v1/check", "{\"text\": \"two\"}");
            assertEquals(503, late.statusCode());
            assertEquals("1", late.headers().firstValue("retry-after").orElseThrow());
            assertTrue(Running.json(late).get("error").asText().contains("within the deadline of 300 ms"));
            hold.release();
            assertEquals(200, first.get().statusCode());
        }
    }

    @Test
    void aFailingClassifierIsAVisibleFailClosedVerdict() throws Exception {
        FakeClassifier failsOnMarker = new FakeClassifier(t -> {
            if (t.contains("<fail>")) {
                throw new ClassifierException("native crash");
            }
            return new float[]{0.01f, 0.01f, 0.01f};
        });
        try (Running s = Running.with(Running.SETTINGS, failsOnMarker)) {
            JsonNode v = Running.json(s.post("/v1/check", "{\"text\": \"<fail> anything\"}"));
            assertEquals("BLOCK", v.get("decision").asText());
            assertEquals("ERROR", v.get("cause").asText());
            assertFalse(v.get("allowed").asBoolean());
            assertEquals(1, s.auditedRequestIds().size());
        }
    }

    @Test
    void aCheckPastThePolicyTimeoutIsAVisibleTimeoutVerdict() throws Exception {
        FakeClassifier slow = new FakeClassifier(t -> {
            try {
                Thread.sleep(t.contains("<slow>") ? 40 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new float[]{0.01f, 0.01f, 0.01f};
        });
        GuardConfig config = new GuardConfig(Policy.defaults(), CacheSpec.DISABLED, Duration.ofMillis(50), false, "");
        try (Running s = Running.with(Running.SETTINGS, slow, config)) {
            String lines = IntStream.range(0, 12).mapToObj(i -> "<slow> line " + i + " " + "word ".repeat(50))
                    .collect(Collectors.joining("\\n"));
            JsonNode v = Running.json(s.post("/v1/check", "{\"text\": \"" + lines + "\"}"));
            assertEquals("TIMEOUT", v.get("cause").asText());
            assertEquals("BLOCK", v.get("decision").asText());
        }
    }

    @Test
    void aBatchIsCheckedInOrderAndAnUnreadableActionGetsItsOwnError() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            HttpResponse<String> r = s.post("/v1/check/batch", """
                    {"actions": [
                      {"id": "a", "text": "see you at 3", "kind": "plan"},
                      {"id": "b", "tool": 7},
                      {"id": "c", "tool": "send_email", "arguments": {"body": "<coercion=0.95> do it now"}}
                    ]}""");
            assertEquals(200, r.statusCode());
            JsonNode results = Running.json(r).get("results");
            assertEquals(3, results.size());
            assertEquals("ALLOW", results.get(0).get("decision").asText());
            assertEquals(1, results.get(1).get("index").asInt());
            assertEquals("'tool' must be a non-empty string", results.get(1).get("error").asText());
            assertEquals("BLOCK", results.get(2).get("decision").asText());
            assertEquals(List.of(results.get(0).get("request_id").asText(), results.get(2).get("request_id").asText()),
                    s.auditedRequestIds());
        }
    }

    @Test
    void aBatchOverTheLimitGets400() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            String actions = IntStream.range(0, 9).mapToObj(i -> "{\"text\": \"t" + i + "\"}")
                    .collect(Collectors.joining(","));
            HttpResponse<String> r = s.post("/v1/check/batch", "{\"actions\": [" + actions + "]}");
            assertEquals(400, r.statusCode());
            assertEquals("'actions' must hold 1 to 8 actions, got 9", Running.json(r).get("error").asText());
        }
    }

    /** The status line and headers of the next response on {@code in}, up to the blank line. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the server closed the connection after: " + head);
            }
            head.append((char) c);
        }
        return head.toString();
    }

    private static void awaitWaiting(Running s, int n) throws Exception {
        for (int i = 0; i < 500; i++) {
            if (s.get("/metrics").body().contains("alignguard_server_queue_waiting " + n + ".0")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no request started waiting");
    }
}
