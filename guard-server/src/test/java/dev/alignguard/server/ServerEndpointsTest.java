package dev.alignguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.micrometer.MeteredAuditSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Probes, metrics, routing and the bearer token, over real HTTP. */
class ServerEndpointsTest {
    private static final String TOKEN = "s3cret-token-for-tests-0123456789";

    @Test
    void healthzAnswersWhileTheModelLoadsAndChecksGet503WithRetryAfter() throws Exception {
        try (Running s = Running.loading(Running.SETTINGS, FakeClassifier.byMarkers())) {
            assertEquals(200, s.get("/healthz").statusCode());
            HttpResponse<String> ready = s.get("/readyz");
            assertEquals(503, ready.statusCode());
            assertEquals("1", ready.headers().firstValue("retry-after").orElseThrow());
            HttpResponse<String> check = s.post("/v1/check", "{\"text\": \"hi\"}");
            assertEquals(503, check.statusCode());
            assertEquals("the model is still loading; retry later", Running.json(check).get("error").asText());
        }
    }

    @Test
    void readyzAnswersOnceTheGuardPassedTheSelfTest() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            HttpResponse<String> ready = s.get("/readyz");
            assertEquals(200, ready.statusCode());
            assertEquals("fake-model", Running.json(ready).get("model").asText());
        }
    }

    @Test
    void aGuardWhoseSelfTestFailsNeverBecomesReady() throws Exception {
        FakeClassifier broken = new FakeClassifier(t -> {
            throw new ClassifierException("native crash");
        });
        try (Running s = Running.loading(Running.SETTINGS, broken)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.server.ready(s.guard, new MeteredAuditSink(s.audit)));
            assertTrue(e.getMessage().startsWith("the readiness self-test ended with cause ERROR"), e.getMessage());
            assertEquals(503, s.get("/readyz").statusCode());
        }
    }

    @Test
    void metricsArePrometheusTextWithDecisionsAndResponses() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            s.post("/v1/check", "{\"text\": \"<blackmail=0.97> pay\"}");
            HttpResponse<String> m = s.get("/metrics");
            assertEquals(200, m.statusCode());
            assertTrue(m.headers().firstValue("content-type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            assertTrue(m.body().contains("alignguard_decisions_total{action=\"message\",cause=\"policy\",decision=\"block\""),
                    m.body());
            assertTrue(m.body().contains("alignguard_server_responses_total{route=\"/v1/check\",status=\"200\"} 1.0"),
                    m.body());
        }
    }

    @Test
    void unknownPathsGet404AndWrongMethods405WithAllow() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            assertEquals(404, s.get("/v2/check").statusCode());
            HttpResponse<String> r = s.get("/v1/check");
            assertEquals(405, r.statusCode());
            assertEquals("POST", r.headers().firstValue("allow").orElseThrow());
        }
    }

    @Test
    void withATokenChecksAndMetricsNeedItAndProbesDoNot() throws Exception {
        try (Running s = Running.with(Running.SETTINGS.withToken(TOKEN), FakeClassifier.byMarkers())) {
            HttpResponse<String> none = s.post("/v1/check", "{\"text\": \"hi\"}");
            assertEquals(401, none.statusCode());
            assertEquals("Bearer", none.headers().firstValue("www-authenticate").orElseThrow());
            assertEquals(401, s.send(HttpRequest.newBuilder(s.uri("/v1/check")).header("Authorization", "Bearer wrong")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hi\"}"))).statusCode());
            assertEquals(200, s.send(HttpRequest.newBuilder(s.uri("/v1/check")).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hi\"}"))).statusCode());
            assertEquals(401, s.get("/metrics").statusCode());
            assertEquals(200, s.get("/healthz").statusCode());
            assertEquals(200, s.get("/readyz").statusCode());
            assertEquals(1, s.auditedRequestIds().size(), "refused requests are not decisions");
        }
    }

    @Test
    void withoutATokenNoAuthorizationIsNeeded() throws Exception {
        try (Running s = Running.with(Running.SETTINGS, FakeClassifier.byMarkers())) {
            assertEquals(200, s.post("/v1/check", "{\"text\": \"hi\"}").statusCode());
            assertEquals(200, s.get("/metrics").statusCode());
        }
    }

    @Test
    void theCommandLineRefusesANonLoopbackBindWithoutAToken() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, AlignGuardServer.run(Map.of(), "--bind", "0.0.0.0", "--port", "0"));
        } finally {
            System.setErr(err);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("--bind 0.0.0.0 is not a loopback address: give a "
                + "bearer token with --token-file or ALIGNGUARD_SERVER_TOKEN"), captured.toString(StandardCharsets.UTF_8));
    }
}
