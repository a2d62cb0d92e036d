package dev.alignguard.benchmarks;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
import dev.alignguard.onnx.ModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
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
 * The fast path: {@code Guard.check} with the bundle's screening model in front of the full model (the
 * default) against the full model alone (the baseline), in the same run, cache off. Traffic {@code 64}: the
 * ~64-token tool calls of {@link Texts#toolCalls} (a renewal e-mail with a signing deadline, which the full model
 * flags in every variant, so the screen clears few of them); {@code public64}: the 48-80-token benign tool
 * calls from public sources in the held-out test split ({@link HeldOutToolCalls}); {@code public}: all of
 * those public calls, whatever their length (real mixed-length agent traffic, all benign); {@code mixed}:
 * {@link Texts#mixedTraffic} (32-256 tokens, one call in eight suspicious). Latency on 1 thread (average, p50/p99) and throughput on 2 threads sharing
 * one guard. The trial prints how many windows the screen cleared.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl=error"})
public class CascadeBenchmark {

    @State(Scope.Benchmark)
    public static class Cascade {
        /** {@code on}: screening model first (default); {@code off}: every window goes to the full model. */
        @Param({"on", "off"})
        public String screening;

        /** {@code 64}: ~64-token e-mails; {@code public64}/{@code public}: real calls; {@code mixed}: 32-256 tokens. */
        @Param({"64", "public64", "public", "mixed"})
        public String traffic;

        OnnxClassifier classifier;
        Guard guard;
        List<AgentAction.ToolCall> actions;

        @Setup(Level.Trial)
        public void setUp() {
            classifier = OnnxClassifier.load(ModelBundle.bundled(),
                    OnnxClassifier.Options.DEFAULT.withScreening(screening.equals("on")));
            guard = Guard.builder().classifier(classifier).config(Fixtures.config(false))
                    .auditSink(Fixtures.NO_AUDIT).build();
            actions = traffic(traffic);
            Fixtures.requireScored(guard.check(actions.get(0)));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            System.out.println("screening " + screening + ", traffic " + traffic + " (" + actions.size()
                    + " distinct actions): windows cleared by the screen " + classifier.clearedByScreen());
            guard.close();
            classifier.close();
        }
    }

    /** The traffic values of {@code @Param("traffic")}, in order. */
    static final List<String> TRAFFIC = List.of("64", "public64", "public", "mixed");

    /** The actions of one {@code traffic} value. */
    static List<AgentAction.ToolCall> traffic(String name) {
        return switch (name) {
            case "mixed" -> Texts.mixedTraffic();
            case "public64" -> publicToolCalls();
            case "public" -> HeldOutToolCalls.load(0, Integer.MAX_VALUE);
            default -> Texts.toolCalls(Integer.parseInt(name));
        };
    }

    /** The {@code public64} traffic: held-out public benign tool calls of 48 to 80 tokens. */
    static List<AgentAction.ToolCall> publicToolCalls() {
        return HeldOutToolCalls.load(48, 80);
    }

    @Benchmark
    public Verdict check(Cascade s, Cursor c) {
        return s.guard.check(c.next(s.actions));
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict checkThroughput2Threads(Cascade s, Cursor c) {
        return s.guard.check(c.next(s.actions));
    }
}
