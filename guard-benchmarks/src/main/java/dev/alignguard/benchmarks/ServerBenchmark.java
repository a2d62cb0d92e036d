package dev.alignguard.benchmarks;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
import dev.alignguard.server.GuardServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * <p>Before JMH's own warm-up, every fork runs the code path it measures
 * {@value ServerFixtures#WARM_UP_CALLS} times with a classifier that costs nothing (on a throwaway guard and,
 * for the HTTP benchmarks, a throwaway server): JMH's 3-second warm-up is 100 to 2,000 calls with the model,
 * far too few for the JIT to compile Jetty, the HttpClient and the JSON code (a cold server answers in about
 * 1.4 ms at p50, a compiled one in 0.13), while a long-running sidecar compiled them in its first minute.
 * In-process forks get the same number of guard checks, so neither side starts warmer.
 *
 * <p>These are the absolute numbers. Whether the server meets a ratio target is better answered by
 * {@link ServerPaired}, which alternates both paths in one JVM so that load drifting on a shared machine
 * falls on both alike; JMH measures them minutes apart.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 2, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl=error"})
public class ServerBenchmark {
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
            bodies = actions.stream().map(ServerFixtures::body).toList();
            http = ServerFixtures.sameThreadClient();
            defaultHttp = ServerFixtures.defaultClient();
            if (params.getBenchmark().contains(".overHttp")) {
                ServerFixtures.warmUpOverHttp(bodies, http, defaultHttp);
            } else {
                ServerFixtures.warmUpInProcess(actions);
            }
            guard = ServerFixtures.guard(classifier);
            server = ServerFixtures.serve(guard);
            requests = ServerFixtures.requests(server, bodies);
            Fixtures.requireScored(guard.check(actions.get(0)));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            server.close();
            guard.close();
        }
    }

    /** A benchmark thread's own kept-alive connection for {@link #overHttpBlockingClient}. */
    @State(Scope.Thread)
    public static class Connection {
        BlockingHttpClient client;

        @Setup(Level.Trial)
        public void open(Served s) throws IOException {
            client = ServerFixtures.blockingClient(s.server);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            client.close();
        }
    }

    @Benchmark
    public Verdict inProcess(Served s, Cursor c) {
        return s.guard.check(c.next(s.actions));
    }

    @Benchmark
    public String overHttp(Served s, Cursor c) throws IOException, InterruptedException {
        return ServerFixtures.post(s.http, c.next(s.requests));
    }

    @Benchmark
    public String overHttpDefaultClient(Served s, Cursor c) throws IOException, InterruptedException {
        return ServerFixtures.post(s.defaultHttp, c.next(s.requests));
    }

    @Benchmark
    public String overHttpBlockingClient(Served s, Connection connection, Cursor c) throws IOException {
        return ServerFixtures.post(connection.client, c.next(s.bodies));
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
        return ServerFixtures.post(s.http, c.next(s.requests));
    }
}
