package dev.alignguard.benchmarks;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Verdict;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch throughput: {@code Guard.checkAll} of 8 and 32 distinct tool calls in one call (bundled model,
 * cache off, 1 thread). The guard sends the distinct windows of the whole batch to the classifier in calls of
 * 8, which scores each window in its own forward pass. Time per batch; divide the batch size by it for
 * actions per second.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl=error"})
public class BatchBenchmark {

    @State(Scope.Benchmark)
    public static class Batches {
        /** Approximate tokens of each tool call (payload plus rationale). */
        @Param({"32", "64", "128", "256"})
        public int tokens;

        /** Actions per {@code checkAll}. */
        @Param({"8", "32"})
        public int batch;

        Guard guard;
        List<List<AgentAction.ToolCall>> batches;

        @Setup(Level.Trial)
        public void setUp() {
            guard = Fixtures.bundledGuard(false);
            List<AgentAction.ToolCall> all = Texts.toolCalls(tokens);
            batches = new ArrayList<>();
            // Every batch holds distinct actions (a repeated text inside one call would be scored once).
            for (int from = 0; from + batch <= all.size(); from += batch) {
                batches.add(List.copyOf(all.subList(from, from + batch)));
            }
            for (Verdict v : guard.checkAll(batches.get(0), GuardContext.empty())) {
                Fixtures.requireScored(v);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            guard.close();
        }
    }

    @Benchmark
    public List<Verdict> checkAll(Batches s, Cursor c) {
        return s.guard.checkAll(c.next(s.batches), GuardContext.empty());
    }
}
