package dev.alignguard.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.micrometer.MeteredAuditSink;
import dev.alignguard.server.GuardServer;
import dev.alignguard.server.ServerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@link ServerBenchmark} and {@link ServerPaired} share: a guard server on a free loopback port, the
 * request bodies and the JDK HttpClient configurations that call it, answers checked to be policy verdicts, and
 * the warm-up that compiles Jetty, the HttpClient and the JSON code before anything is measured.
 */
final class ServerFixtures {
    /** Calls of the measured path, with a free classifier, before measuring (see {@link ServerBenchmark}). */
    static final int WARM_UP_CALLS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECK = "/v1/check";

    private ServerFixtures() {
    }

    /** A guard whose classifier costs nothing, so what remains is the guard and, in front of it, the server. */
    static Guard freeGuard() {
        return Guard.builder().classifier(new ConstantClassifier()).config(Fixtures.config(false))
                .auditSink(Fixtures.NO_AUDIT).build();
    }

    /** The bundled model ({@code bundled}) or {@link #freeGuard} ({@code constant}). */
    static Guard guard(String classifier) {
        return switch (classifier) {
            case "bundled" -> Fixtures.bundledGuard(false);
            case "constant" -> freeGuard();
            default -> throw new IllegalArgumentException("classifier must be bundled or constant: " + classifier);
        };
    }

    /** A server on 127.0.0.1 and a free port, ready, in front of {@code guard}. */
    static GuardServer serve(Guard guard) throws IOException {
        GuardServer server = GuardServer.start(ServerSettings.defaults().withBind("127.0.0.1", 0));
        server.ready(guard, new MeteredAuditSink(Fixtures.NO_AUDIT));
        return server;
    }

    /** The {@code POST /v1/check} body of a tool call, as an agent sends it. */
    static byte[] body(AgentAction.ToolCall a) {
        return action(a).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode action(AgentAction.ToolCall a) {
        return JSON.createObjectNode().put("tool", a.tool()).put("arguments", a.argumentsJson())
                .put("rationale", a.rationale());
    }

    /** One request per body to {@code server}'s {@code /v1/check}, built once and sent many times. */
    static List<HttpRequest> requests(GuardServer server, List<byte[]> bodies) {
        URI check = server.uri().resolve(CHECK);
        return bodies.stream().map(b -> postRequest(check, b)).toList();
    }

    private static HttpRequest postRequest(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The {@code n} actions from variant {@code v} on (wrapping around), one batch. */
    static List<AgentAction.ToolCall> batch(List<AgentAction.ToolCall> actions, int v, int n) {
        List<AgentAction.ToolCall> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(actions.get(Math.floorMod(v + i, actions.size())));
        }
        return out;
    }

    /**
     * One {@code /v1/check/batch} request per starting variant, each holding {@link #batch} of {@code n} actions
     * ({@code {"actions": [...]}}), built once and sent many times.
     */
    static List<HttpRequest> batchRequests(GuardServer server, List<AgentAction.ToolCall> actions, int n) {
        URI check = server.uri().resolve(CHECK + "/batch");
        List<HttpRequest> out = new ArrayList<>(actions.size());
        for (int v = 0; v < actions.size(); v++) {
            ArrayNode array = JSON.createArrayNode();
            batch(actions, v, n).forEach(a -> array.add(action(a)));
            out.add(postRequest(check, JSON.createObjectNode().set("actions", array).toString()
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /**
     * The client a latency-minded Java caller would configure: HTTP/1.1 pinned and a same-thread executor, so
     * an answer goes from the client's selector thread straight to the caller.
     */
    static HttpClient sameThreadClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
    }

    /** The default client, HTTP/1.1 pinned: answers reach the caller through the default executor's pool. */
    static HttpClient defaultClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A kept-alive blocking connection to {@code server}'s {@code /v1/check}. */
    static BlockingHttpClient blockingClient(GuardServer server) throws IOException {
        return new BlockingHttpClient(server.uri().getHost(), server.port(), CHECK);
    }

    /** Sends {@code request} and returns the body, which must be a policy verdict (200, cause POLICY). */
    static String post(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        return requirePolicyVerdict(r.statusCode() == 200, Integer.toString(r.statusCode()), r.body());
    }

    /** Sends {@code body} and returns the answer, which must be a policy verdict (200, cause POLICY). */
    static String post(BlockingHttpClient client, byte[] body) throws IOException {
        BlockingHttpClient.Response r = client.post(body);
        return requirePolicyVerdict(r.ok(), r.status(), r.body());
    }

    private static String requirePolicyVerdict(boolean ok, String status, String body) {
        if (!ok || !body.contains("\"cause\":\"POLICY\"")) {
            throw new IllegalStateException("the server answered " + status + ": " + body);
        }
        return body;
    }

    /** {@link #WARM_UP_CALLS} in-process checks of {@code actions} from 2 threads, on a free guard. */
    static void warmUpInProcess(List<AgentAction.ToolCall> actions) throws Exception {
        try (Guard free = freeGuard()) {
            inThreads(2, thread -> {
                for (int i = 0; i < WARM_UP_CALLS / 2; i++) {
                    Fixtures.requireScored(free.check(actions.get(i % actions.size())));
                }
            });
        }
    }

    /**
     * {@link #WARM_UP_CALLS} posts of {@code bodies} from 2 threads to a throwaway server in front of a free
     * guard, taking turns with {@code http}, {@code defaultHttp} and a blocking connection, so that whichever
     * of the three is measured afterwards runs compiled.
     */
    static void warmUpOverHttp(List<byte[]> bodies, HttpClient http, HttpClient defaultHttp) throws Exception {
        try (Guard free = freeGuard()) {
            GuardServer warm = serve(free);
            try {
                List<HttpRequest> warmRequests = requests(warm, bodies);
                inThreads(2, thread -> {
                    try (BlockingHttpClient blocking = blockingClient(warm)) {
                        for (int i = 0; i < WARM_UP_CALLS / 2; i++) {
                            int v = i % bodies.size();
                            switch (i % 3) {
                                case 0 -> post(http, warmRequests.get(v));
                                case 1 -> post(defaultHttp, warmRequests.get(v));
                                default -> post(blocking, bodies.get(v));
                            }
                        }
                    }
                });
            } finally {
                warm.close();
            }
        }
    }

    /** Runs {@code task} on {@code threads} threads at once and waits for all; the first failure is thrown. */
    static void inThreads(int threads, Task task) throws Exception {
        List<Callable<Void>> calls = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            calls.add(() -> {
                task.run(thread);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> f : pool.invokeAll(calls)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Work for {@link #inThreads}, told which of the threads (from 0) runs it. */
    @FunctionalInterface
    interface Task {
        void run(int thread) throws Exception;
    }
}
