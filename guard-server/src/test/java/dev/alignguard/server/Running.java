package dev.alignguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import dev.alignguard.micrometer.MeteredAuditSink;
import dev.alignguard.trace.TraceLine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A guard server on a free loopback port with a test classifier and a recording audit sink, and a JDK
 * {@link HttpClient} to call it. Close it after the test.
 */
final class Running implements AutoCloseable {
    static final ServerSettings SETTINGS = ServerSettings.defaults().withBind("127.0.0.1", 0)
            .withCapacity(4, 64, 8);

    final GuardServer server;
    final Guard guard;
    final RecordingAuditSink audit = new RecordingAuditSink();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    private Running(ServerSettings settings, Classifier classifier, GuardConfig config, boolean ready)
            throws IOException {
        server = GuardServer.start(settings);
        MeteredAuditSink sink = new MeteredAuditSink(audit);
        guard = Guard.builder().classifier(classifier).config(config).auditSink(sink).build();
        if (ready) {
            server.ready(guard, sink);
        }
    }

    /** A ready server. */
    static Running with(ServerSettings settings, Classifier classifier) throws IOException {
        return new Running(settings, classifier, GuardConfig.defaults(), true);
    }

    static Running with(ServerSettings settings, Classifier classifier, GuardConfig config) throws IOException {
        return new Running(settings, classifier, config, true);
    }

    /** A server that listens but has not been given its guard yet. */
    static Running loading(ServerSettings settings, Classifier classifier) throws IOException {
        return new Running(settings, classifier, GuardConfig.defaults(), false);
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return TraceLine.readJson(response.body());
    }

    /** Request ids of the audit records, without the readiness self-test's. */
    java.util.List<String> auditedRequestIds() {
        return audit.events.stream().map(e -> e.context().requestId())
                .filter(id -> !id.equals(GuardServer.SELF_TEST_REQUEST_ID)).toList();
    }

    @Override
    public void close() {
        server.close();
        guard.close();
    }
}
