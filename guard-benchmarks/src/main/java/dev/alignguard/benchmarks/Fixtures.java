package dev.alignguard.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.audit.AuditSink;
import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ModelInfo;
import dev.alignguard.core.text.ScoredText;
import dev.alignguard.onnx.CorpusModelBundle;
import dev.alignguard.onnx.ModelBundle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the benchmarks share: guards with the bundled model or a constant classifier, the exact classifier
 * calls the guard makes for an action (recorded, so they follow the guard's chunking, decoded views and
 * batching whatever they are), the guard's text pipeline step by step, the bundled tokenizer, and a raw
 * ONNX Runtime session on pre-built tensors, which is the floor a check cannot go below.
 */
final class Fixtures {
    /**
     * A deadline no benchmark reaches (the default is 5 s): a timed-out check would be fail-closed and cheap,
     * so a timeout would fake a fast result. {@link #requireHealthy} fails the run if one happens anyway.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Records nothing: audit I/O is the host's cost, not the guard's. */
    static final AuditSink NO_AUDIT = event -> { };

    private Fixtures() {
    }

    /** Guard settings with the score cache on or off. */
    static GuardConfig config(boolean cache) {
        return GuardConfig.defaults().withCache(cache ? CacheSpec.DEFAULT : CacheSpec.DISABLED).withTimeout(TIMEOUT);
    }

    /** The guard as an application builds it: bundled model found through the service loader. */
    static Guard bundledGuard(boolean cache) {
        return Guard.builder().config(config(cache)).auditSink(NO_AUDIT).build();
    }

    /** Fails the benchmark if a check did not go through the model (error, timeout, audit failure). */
    static Verdict requireScored(Verdict v) {
        if (v.cause() != Cause.POLICY || v.scores().isEmpty()) {
            throw new IllegalStateException("check was not scored by the model: " + v.summary());
        }
        return v;
    }

    /** Fails the benchmark if any check fell back to the fail mode while it ran. */
    static void requireHealthy(Guard guard) {
        Guard.Stats s = guard.stats();
        if (s.classifierErrors() != 0 || s.timeouts() != 0 || s.auditFailures() != 0) {
            throw new IllegalStateException("checks fell back to the fail mode during the run: " + s);
        }
    }

    // ---- what the guard sends to the classifier ----

    /** Records every {@code score} call and answers with constant scores. */
    private static final class Recorder implements Classifier {
        private final ConstantClassifier scores = new ConstantClassifier();
        final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ModelInfo info() {
            return scores.info();
        }

        @Override
        public float[][] score(List<String> texts) {
            calls.add(List.copyOf(texts));
            return scores.score(texts);
        }
    }

    /**
     * The classifier calls (each a list of normalised window texts) that {@code Guard.check} makes for
     * {@code action} with default settings and the cache off: exactly what the model would be given.
     */
    static List<List<String>> classifierCalls(AgentAction action) {
        Recorder rec = new Recorder();
        try (Guard g = Guard.builder().classifier(rec).config(config(false)).auditSink(NO_AUDIT).build()) {
            requireScored(g.check(action));
        }
        return List.copyOf(rec.calls);
    }

    /** All window texts of {@code calls}, in order. */
    static List<String> flatten(List<List<String>> calls) {
        List<String> out = new ArrayList<>();
        calls.forEach(out::addAll);
        return out;
    }

    // ---- the guard's text steps, from the guard's own code ----

    /** The fields the guard scores for an action, as extracted. */
    static List<ScoredText.Field> fields(AgentAction action) {
        return ScoredText.of(action).fields();
    }

    /** The distinct normalised window texts the guard scores for an action with default settings, in order. */
    static List<String> windows(AgentAction action) {
        return ScoredText.of(action).windows();
    }

    // ---- the bundled model, read directly ----

    static byte[] bundleFile(String name) {
        return resource(ModelBundle.CLASSPATH_LOCATION + name, "guard-model");
    }

    /** A file of guard-model-corpus's bundle (the corpus audit's model), read directly. */
    static byte[] corpusBundleFile(String name) {
        return resource(CorpusModelBundle.CLASSPATH_LOCATION + name, "guard-model-corpus");
    }

    private static byte[] resource(String path, String artifact) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path (" + artifact
                        + " missing or not built)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled guard model's tokenizer with OnnxClassifier's settings (truncation, special tokens). */
    static HuggingFaceTokenizer tokenizer(int maxLength) {
        return tokenizer(bundleFile("tokenizer.json"), maxLength);
    }

    /** A tokenizer from its {@code tokenizer.json} bytes (e.g. a corpus model's), with the same settings. */
    static HuggingFaceTokenizer tokenizer(byte[] json, int maxLength) {
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json),
                    Map.of("truncation", "true", "padding", "false", "maxLength", Integer.toString(maxLength),
                            "addSpecialTokens", "true"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled tokenizer counting raw tokens: no truncation, no [CLS]/[SEP]. */
    static HuggingFaceTokenizer countingTokenizer() {
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bundleFile("tokenizer.json")),
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session on model bytes with OnnxClassifier's options: 1 intra-op thread, sequential. */
    static OrtSession rawSession(OrtEnvironment env, byte[] model) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions(); // kept open for the session's life
        so.setIntraOpNumThreads(1);
        so.setInterOpNumThreads(1);
        so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return env.createSession(model, so);
    }

    /**
     * The input tensors of one classifier call, built the way OnnxClassifier builds them: ids padded with 0
     * to the longest text of the call, mask 1 over real tokens.
     */
    static Map<String, OnnxTensor> inputs(OrtEnvironment env, HuggingFaceTokenizer tok, List<String> texts)
            throws OrtException {
        int n = texts.size();
        long[][] ids = new long[n][];
        int longest = 1;
        for (int i = 0; i < n; i++) {
            ids[i] = tok.encode(texts.get(i)).getIds();
            longest = Math.max(longest, ids[i].length);
        }
        long[] idBuf = new long[n * longest];
        long[] maskBuf = new long[n * longest];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ids[i], 0, idBuf, i * longest, ids[i].length);
            Arrays.fill(maskBuf, i * longest, i * longest + ids[i].length, 1L);
        }
        long[] shape = {n, longest};
        return Map.of("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(idBuf), shape),
                "attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(maskBuf), shape));
    }

    /**
     * The model passes OnnxClassifier makes for the given calls with its default options: one unpadded
     * pass ([1, tokens]) per window text.
     */
    static List<Map<String, OnnxTensor>> passes(OrtEnvironment env, HuggingFaceTokenizer tok,
                                                List<List<String>> calls) throws OrtException {
        List<Map<String, OnnxTensor>> out = new ArrayList<>();
        for (String text : flatten(calls)) {
            out.add(inputs(env, tok, List.of(text)));
        }
        return out;
    }

    static void close(List<List<Map<String, OnnxTensor>>> all) {
        for (List<Map<String, OnnxTensor>> calls : all) {
            for (Map<String, OnnxTensor> m : calls) {
                m.values().forEach(OnnxTensor::close);
            }
        }
    }
}
