package dev.alignguard.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.text.ScoredText;
import dev.alignguard.onnx.ModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The parts of one check, each alone, on the same tool calls as {@link GuardCheckBenchmark} (one action per
 * operation, all its windows, exactly as the guard cuts them):
 * <ul>
 *   <li>{@code extractNormaliseChunk}: {@code ScoredText.of(action)}, the guard's own extraction, decoded
 *       views, normalisation and windows, up to the window texts;</li>
 *   <li>{@code tokenize}: the DJL tokenizer from the bundle's tokenizer.json on those windows;</li>
 *   <li>{@code ortRun}: a raw ONNX Runtime session (bundle's model bytes, 1 intra-op thread) run on
 *       pre-built tensors of exactly the passes the classifier makes for the action (one unpadded pass per
 *       window, OnnxClassifier's default): the floor;</li>
 *   <li>{@code ortRunFp32}: the same passes through the fp32 model before quantisation (when built);</li>
 *   <li>{@code screenRun}: the same passes through the bundle's screening model (the cascade's first stage);</li>
 *   <li>{@code onnxScore}: {@code OnnxClassifier.score} on the windows (tokenizer, screening model, full model
 *       for the windows the screen does not clear);</li>
 *   <li>{@code guardCacheHit}: {@code Guard.check} of a repeated action with the cache on, answered by the
 *       verdict cache; the action is rebuilt from fresh strings on every call (as a host parsing the model's
 *       output would), so hashing and comparing its text is part of the measured cost;</li>
 *   <li>{@code guardConstantClassifier}: {@code Guard.check} with a free classifier and a no-op audit sink,
 *       i.e. everything except the model (extraction, policy, verdict, evidence, audit event).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl=error"})
public class PartsBenchmark {
    /** A window's scores for the n-gram member to combine with (any row in [0, 1] costs the same). */
    private static final float[] NGRAM_ROW = {0.2f, 0.1f, 0.05f};

    /**
     * The tool calls and, per variant, the classifier calls the guard makes for it (lists of window texts,
     * recorded from {@code Guard.check}).
     */
    @State(Scope.Benchmark)
    public static class Actions {
        /** Approximate tokens of the tool call (payload plus rationale). */
        @Param({"32", "64", "128", "256"})
        public int tokens;

        List<AgentAction.ToolCall> actions;
        List<List<List<String>>> calls;

        @Setup(Level.Trial)
        public void setUp() {
            actions = Texts.toolCalls(tokens);
            calls = new ArrayList<>(actions.size());
            for (AgentAction.ToolCall a : actions) {
                calls.add(Fixtures.classifierCalls(a));
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Tokenizer {
        HuggingFaceTokenizer tokenizer;

        @Setup(Level.Trial)
        public void setUp() {
            tokenizer = Fixtures.tokenizer(ModelBundle.bundled().info().maxLength());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            tokenizer.close();
        }
    }

    /**
     * A raw session on a bundled model file and, per variant, the input tensors of every model pass
     * OnnxClassifier makes for the guard's calls with its default options: one unpadded pass per window text.
     */
    static final class RawPasses {
        final OrtSession session;
        final List<List<Map<String, OnnxTensor>>> inputs;

        RawPasses(byte[] model, List<List<List<String>>> calls) throws OrtException {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            session = Fixtures.rawSession(env, model);
            inputs = new ArrayList<>(calls.size());
            try (HuggingFaceTokenizer tok = Fixtures.tokenizer(ModelBundle.bundled().info().maxLength())) {
                for (List<List<String>> variant : calls) {
                    inputs.add(Fixtures.passes(env, tok, variant));
                }
            }
        }

        void close() throws OrtException {
            Fixtures.close(inputs);
            session.close();
        }
    }

    /** The full model's passes for the action's windows: the floor. */
    @State(Scope.Benchmark)
    public static class RawOrt {
        RawPasses raw;

        @Setup(Level.Trial)
        public void setUp(Actions a) throws OrtException {
            raw = new RawPasses(Fixtures.bundleFile("model.onnx"), a.calls);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws OrtException {
            raw.close();
        }
    }

    /** The screening model's passes for the same windows (the cascade's first stage). */
    @State(Scope.Benchmark)
    public static class RawScreen {
        RawPasses raw;

        @Setup(Level.Trial)
        public void setUp(Actions a) throws OrtException {
            raw = new RawPasses(Fixtures.bundleFile("student.onnx"), a.calls);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws OrtException {
            raw.close();
        }
    }

    /**
     * The fp32 export of the same model (before int8 quantisation) on the same passes: the int8 baseline. Not
     * bundled (90 MB); run.sh selects {@code ortRunFp32} only when training/work/model_fp32.onnx exists and
     * passes its path in the environment variable {@code ALIGNGUARD_FP32}.
     */
    @State(Scope.Benchmark)
    public static class RawOrtFp32 {
        RawPasses raw;

        @Setup(Level.Trial)
        public void setUp(Actions a) throws OrtException, java.io.IOException {
            String env = System.getenv("ALIGNGUARD_FP32");
            String path = env != null ? env : "training/work/model_fp32.onnx";
            raw = new RawPasses(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path)), a.calls);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws OrtException {
            raw.close();
        }
    }

    /** Raw session inputs for the ~2,000-token output (no tokens parameter). */
    @State(Scope.Benchmark)
    public static class RawOrtLongOutput {
        RawPasses raw;

        @Setup(Level.Trial)
        public void setUp() throws OrtException {
            List<List<List<String>>> calls = new ArrayList<>();
            for (AgentAction.Output o : Texts.longOutputs(4)) {
                calls.add(Fixtures.classifierCalls(o));
            }
            raw = new RawPasses(Fixtures.bundleFile("model.onnx"), calls);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws OrtException {
            raw.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Onnx {
        OnnxClassifier classifier;

        @Setup(Level.Trial)
        public void setUp() {
            classifier = OnnxClassifier.load(ModelBundle.bundled(), OnnxClassifier.Options.DEFAULT);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            classifier.close();
        }
    }

    /** The bundled-model guard with the cache on, already holding the verdict of the one action it checks. */
    @State(Scope.Benchmark)
    public static class CachedGuard {
        Guard guard;
        char[] tool;
        char[] arguments;
        char[] rationale;

        @Setup(Level.Trial)
        public void setUp(Actions a) {
            guard = Fixtures.bundledGuard(true);
            AgentAction.ToolCall action = a.actions.get(0);
            tool = action.tool().toCharArray();
            arguments = action.argumentsJson().toCharArray();
            rationale = action.rationale() == null ? null : action.rationale().toCharArray();
            Fixtures.requireScored(guard.check(action));
        }

        /** An equal action made of new strings (their hash codes are not cached yet). */
        AgentAction.ToolCall freshCopy() {
            return new AgentAction.ToolCall(new String(tool), new String(arguments),
                    rationale == null ? null : new String(rationale));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            Guard.Stats stats = guard.stats();
            guard.close();
            if (stats.verdictCacheHits() < 1000) {
                throw new IllegalStateException("expected verdict cache hits, got " + stats);
            }
        }
    }

    /** A guard whose classifier costs nothing, cache off, audit to nowhere. */
    @State(Scope.Benchmark)
    public static class ConstantGuard {
        Guard guard;

        @Setup(Level.Trial)
        public void setUp(Actions a) {
            guard = Guard.builder().classifier(new ConstantClassifier()).config(Fixtures.config(false))
                    .auditSink(Fixtures.NO_AUDIT).build();
            Fixtures.requireScored(guard.check(a.actions.get(0)));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.requireHealthy(guard);
            guard.close();
        }
    }

    @Benchmark
    public List<String> extractNormaliseChunk(Actions a, Cursor c) {
        return Fixtures.windows(c.next(a.actions));
    }

    @Benchmark
    public void tokenize(Actions a, Tokenizer t, Cursor c, Blackhole bh) {
        for (List<String> call : c.next(a.calls)) {
            for (String text : call) {
                bh.consume(t.tokenizer.encode(text).getIds());
            }
        }
    }

    @Benchmark
    public void ortRun(RawOrt o, Cursor c, Blackhole bh) throws OrtException {
        run(o.raw.session, c.next(o.raw.inputs), bh);
    }

    @Benchmark
    public void ortRunFp32(RawOrtFp32 o, Cursor c, Blackhole bh) throws OrtException {
        run(o.raw.session, c.next(o.raw.inputs), bh);
    }

    @Benchmark
    public void screenRun(RawScreen o, Cursor c, Blackhole bh) throws OrtException {
        run(o.raw.session, c.next(o.raw.inputs), bh);
    }

    @Benchmark
    public void ortRunLongOutput2kTokens(RawOrtLongOutput o, Cursor c, Blackhole bh) throws OrtException {
        run(o.raw.session, c.next(o.raw.inputs), bh);
    }

    private static void run(OrtSession session, List<Map<String, OnnxTensor>> calls, Blackhole bh)
            throws OrtException {
        for (Map<String, OnnxTensor> in : calls) {
            try (OrtSession.Result r = session.run(in)) {
                bh.consume(r.get("probabilities").orElseThrow().getValue()); // copies the probabilities to a float[][], as OnnxClassifier does
            }
        }
    }

    @Benchmark
    public void onnxScore(Actions a, Onnx o, Cursor c, Blackhole bh) throws ClassifierException {
        for (List<String> call : c.next(a.calls)) {
            bh.consume(o.classifier.score(call));
        }
    }

    /**
     * Model 0.9.0's n-gram member for one action, paid once per check beside the window passes: the whole action's
     * features and three logits ({@code forAction}), then one window's scores combined with them.
     */
    @Benchmark
    public float[] ngramMember(Actions a, Onnx o, Cursor c) {
        return o.classifier.forAction(ScoredText.of(c.next(a.actions)).actionText()).apply(NGRAM_ROW);
    }

    @Benchmark
    public Verdict guardCacheHit(CachedGuard g) {
        return g.guard.check(g.freshCopy());
    }

    @Benchmark
    public Verdict guardConstantClassifier(Actions a, ConstantGuard g, Cursor c) {
        return g.guard.check(c.next(a.actions));
    }
}
