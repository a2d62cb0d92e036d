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
import java.util.ArrayList;
import java.util.List;
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

/**
 * What the guard server adds: {@code POST /v1/check} over loopback with the JDK HttpClient (HTTP/1.1,
 * keep-alive) against in-process {@code Guard.check} on the same guard and the same 64- and 128-token tool
 * calls, in one run. Latency with 1 thread (SampleTime: p50/p99) and throughput with 2 client threads. With
 * {@code classifier=constant} the model costs nothing, so the difference is the server (and the client) alone.
 *
 * <p>The client is configured the way a latency-minded Java caller would: one {@code HttpClient} reused,
 * HTTP/1.1 pinned, requests built once, and a same-thread executor, so a response is handed from the client's
 * selector thread straight to the caller instead of through the default executor's pool thread (0.1-0.2 ms
 * per call on a 2-vCPU machine). {@link #overHttpDefaultClient} measures the default configuration too.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 2, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl=error"})
public class ServerBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<HttpRequest> requests;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            guard = classifier.equals("constant")
                    ? Guard.builder().classifier(new ConstantClassifier()).config(Fixtures.config(false))
                            .auditSink(Fixtures.NO_AUDIT).build()
                    : Fixtures.bundledGuard(false);
            server = GuardServer.start(ServerSettings.defaults().withBind("127.0.0.1", 0));
            server.ready(guard, new MeteredAuditSink(Fixtures.NO_AUDIT));
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
            defaultHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI check = server.uri().resolve("/v1/check");
            actions = Texts.toolCalls(tokens);
            requests = new ArrayList<>();
            for (AgentAction.ToolCall a : actions) {
                ObjectNode o = JSON.createObjectNode().put("tool", a.tool()).put("arguments", a.argumentsJson());
                requests.add(HttpRequest.newBuilder(check).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(o.put("rationale", a.rationale()).toString()))
                        .build());
            }
            Fixtures.requireScored(guard.check(actions.get(0)));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            server.close();
            guard.close();
        }

        static String post(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("\"cause\":\"POLICY\"")) {
                throw new IllegalStateException("the server answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }
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
