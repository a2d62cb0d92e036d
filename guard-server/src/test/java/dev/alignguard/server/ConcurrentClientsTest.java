package dev.alignguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alignguard.core.testing.FakeClassifier;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 64 clients at once: every answered check has exactly one audit record, and no record lacks an answer. */
class ConcurrentClientsTest {
    private static final int CLIENTS = 64;
    private static final int REQUESTS_EACH = 3;

    @Test
    void sixtyFourConcurrentClientsGetExactlyOneAuditRecordPerDecision() throws Exception {
        // a long deadline: this test counts audit records, and a loaded build machine must not turn waits into 503s
        ServerSettings settings = Running.SETTINGS.withCapacity(4, CLIENTS, 8).withLimits(1 << 20, Duration.ofSeconds(120));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (Running s = Running.with(settings, FakeClassifier.byMarkers())) {
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_EACH; i++) {
                        String marker = (client + i) % 5 == 0 ? "<blackmail=0.97> " : "";
                        HttpResponse<String> r = s.post("/v1/check", "{\"tool\": \"send_email\", \"arguments\": "
                                + "{\"body\": \"" + marker + "note " + client + "/" + i + "\"}, \"agent_id\": \"a" + client + "\"}");
                        assertEquals(200, r.statusCode(), r.body());
                        ids.add(Running.json(r).get("request_id").asText());
                    }
                    return ids;
                });
            }
            List<String> answered = new ArrayList<>();
            for (Future<List<String>> f : clients.invokeAll(work)) {
                answered.addAll(f.get());
            }
            List<String> audited = s.auditedRequestIds();
            assertEquals(CLIENTS * REQUESTS_EACH, answered.size());
            assertEquals(answered.size(), new HashSet<>(answered).size(), "request ids are unique");
            assertEquals(answered.size(), audited.size(), "one audit record per answered check");
            assertEquals(Set.copyOf(answered), Set.copyOf(audited));
        } finally {
            clients.shutdownNow();
        }
    }
}
