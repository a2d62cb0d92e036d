package dev.alignguard.benchmarks;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
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
 * End to end: {@code Guard.check} of one tool call with the bundled model, loaded the way an application
 * loads it ({@code Guard.builder().build()}, service loader, default ONNX options: 1 intra-op thread), the
 * score cache off and a fresh variant per call, so every check runs the tokenizer and the model. Latency
 * with 1 thread (average and, from SampleTime, p50/p99) and throughput with 2 threads sharing one guard.
 * Plus one ~2,000-token final output, which the guard cuts into overlapping windows.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl=error"})
public class GuardCheckBenchmark {

    /** One guard with the bundled model, cache off, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class ModelGuard {
        /** Approximate tokens of the tool call (payload plus rationale). */
        @Param({"32", "64", "128", "256"})
        public int tokens;

        Guard guard;
        List<AgentAction.ToolCall> actions;

        @Setup(Level.Trial)
        public void setUp() {
            guard = Fixtures.bundledGuard(false);
            actions = Texts.toolCalls(tokens);
            Fixtures.requireScored(guard.check(actions.get(0)));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            guard.close();
        }
    }

    /** The same guard for the ~2,000-token output (no tokens parameter). */
    @State(Scope.Benchmark)
    public static class LongOutputGuard {
        Guard guard;
        List<AgentAction.Output> outputs;

        @Setup(Level.Trial)
        public void setUp() {
            guard = Fixtures.bundledGuard(false);
            outputs = Texts.longOutputs(4);
            Fixtures.requireScored(guard.check(outputs.get(0)));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            guard.close();
        }
    }

    @Benchmark
    public Verdict check(ModelGuard s, Cursor c) {
        return s.guard.check(c.next(s.actions));
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict checkThroughput2Threads(ModelGuard s, Cursor c) {
        return s.guard.check(c.next(s.actions));
    }

    @Benchmark
    public Verdict checkLongOutput2kTokens(LongOutputGuard s, Cursor c) {
        return s.guard.check(c.next(s.outputs));
    }
}
