package dev.alignguard.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
import dev.alignguard.micrometer.MeteredAuditSink;
import dev.alignguard.server.GuardServer;
import dev.alignguard.server.ServerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What the guard server adds: {@code POST /v1/check} over loopback with the JDK HttpClient (HTTP/1.1,
 * keep-alive) against in-process {@code Guard.check} on the same guard and the same 64- and 128-token tool
 * calls, in one run. Latency with 1 thread (SampleTime: p50/p99) and throughput with 2 client threads. With
 * {@code classifier=constant} the model costs nothing, so the difference is the server (and the client) alone.
 *
 * <p>The client is configured the way a latency-minded Java caller would: one {@code HttpClient} reused,
 * HTTP/1.1 pinned, requests built once, and a same-thread executor, so a response is handed from the client's
 * selector thread straight to the caller instead of through the default executor's pool thread (0.1-0.2 ms
 * per call on a 2-vCPU machine). {@link #overHttpDefaultClient} measures the default configuration too, and
 * {@link #overHttpBlockingClient} a blocking-socket client as Python's {@code http.client} is, which has no
 * client threads to wake and so shows the server's share.
 *
 * <p>Before JMH's own warm-up, every fork runs the code path it measures {@value #WARM_UP_CALLS} times with a
 * classifier that costs nothing (on a throwaway guard and, for the HTTP benchmarks, a throwaway server): JMH's
 * 3-second warm-up is 100 to 2,000 calls with the model, far too few for the JIT to compile Jetty, the
 * HttpClient and the JSON code (a cold server answers in about 1.4 ms at p50, a compiled one in 0.13), while a
 * long-running sidecar compiled them in its first minute. In-process forks get the same number of guard checks,
 * so neither side starts warmer.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 2, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl=error"})
public class ServerBenchmark {
    /** Calls of the measured path, with a free classifier, before JMH's warm-up (see the class comment). */
    static final int WARM_UP_CALLS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECK = "/v1/check";

    /** One guard, and a server in front of it on a free loopback port. */
    @State(Scope.Benchmark)
    public static class Served {
        /** Approximate tokens of the tool call (payload plus rationale). */
        @Param({"64", "128"})
        public int tokens;

        /** {@code bundled}: the model; {@code constant}: a classifier that costs nothing. */
        @Param({"bundled", "constant"})
        public String classifier;

        Guard guard;
        GuardServer server;
        HttpClient http;
        HttpClient defaultHttp;
        List<AgentAction.ToolCall> actions;
        List<byte[]> bodies;
        List<HttpRequest> requests;

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams params) throws Exception {
            actions = Texts.toolCalls(tokens);
            bodies = actions.stream().map(ServerBenchmark::body).toList();
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
            defaultHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            warmUp(params.getBenchmark().contains(".overHttp"));
            guard = classifier.equals("constant") ? freeGuard() : Fixtures.bundledGuard(false);
            server = serve(guard);
            requests = requests(server);
            Fixtures.requireScored(guard.check(actions.get(0)));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            server.close();
            guard.close();
        }

        /** {@link #WARM_UP_CALLS} calls from 2 threads: over HTTP with all three clients, or in process. */
        private void warmUp(boolean overHttp) throws Exception {
            try (Guard free = freeGuard()) {
                if (!overHttp) {
                    inTwoThreads(() -> {
                        for (int i = 0; i < WARM_UP_CALLS / 2; i++) {
                            Fixtures.requireScored(free.check(actions.get(i % actions.size())));
                        }
                    });
                    return;
                }
                GuardServer warm = serve(free);
                try {
                    List<HttpRequest> warmRequests = requests(warm);
                    inTwoThreads(() -> {
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

        private List<HttpRequest> requests(GuardServer at) {
            URI check = at.uri().resolve(CHECK);
            return bodies.stream().map(b -> HttpRequest.newBuilder(check).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build()).toList();
        }

        BlockingHttpClient blockingClient(GuardServer at) throws IOException {
            return new BlockingHttpClient(at.uri().getHost(), at.port(), CHECK);
        }

        private static Guard freeGuard() {
            return Guard.builder().classifier(new ConstantClassifier()).config(Fixtures.config(false))
                    .auditSink(Fixtures.NO_AUDIT).build();
        }

        private static GuardServer serve(Guard guard) throws IOException {
            GuardServer server = GuardServer.start(ServerSettings.defaults().withBind("127.0.0.1", 0));
            server.ready(guard, new MeteredAuditSink(Fixtures.NO_AUDIT));
            return server;
        }

        static String post(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return requirePolicyVerdict(r.statusCode() == 200, Integer.toString(r.statusCode()), r.body());
        }

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
    }

    /** A benchmark thread's own kept-alive connection for {@link #overHttpBlockingClient}. */
    @State(Scope.Thread)
    public static class Connection {
        BlockingHttpClient client;

        @Setup(Level.Trial)
        public void open(Served s) throws IOException {
            client = s.blockingClient(s.server);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            client.close();
        }
    }

    /** Runs {@code task} on two threads at once and waits for both; the first failure is thrown. */
    private static void inTwoThreads(Task task) throws Exception {
        Callable<Void> call = () -> {
            task.run();
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> done = pool.invokeAll(List.of(call, call));
            for (Future<Void> f : done) {
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

    /** Work for {@link #inTwoThreads}. */
    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }

    private static byte[] body(AgentAction.ToolCall a) {
        ObjectNode o = JSON.createObjectNode().put("tool", a.tool()).put("arguments", a.argumentsJson());
        return o.put("rationale", a.rationale()).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Verdict inProcess(Served s, Cursor c) {
        return s.guard.check(c.next(s.actions));
    }

    @Benchmark
    public String overHttp(Served s, Cursor c) throws IOException, InterruptedException {
        return Served.post(s.http, c.next(s.requests));
    }

    @Benchmark
    public String overHttpDefaultClient(Served s, Cursor c) throws IOException, InterruptedException {
        return Served.post(s.defaultHttp, c.next(s.requests));
    }

    @Benchmark
    public String overHttpBlockingClient(Served s, Connection connection, Cursor c) throws IOException {
        return Served.post(connection.client, c.next(s.bodies));
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict inProcessThroughput2Threads(Served s, Cursor c) {
        return s.guard.check(c.next(s.actions));
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String overHttpThroughput2Threads(Served s, Cursor c) throws IOException, InterruptedException {
        return Served.post(s.http, c.next(s.requests));
    }
}
