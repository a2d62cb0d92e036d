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
import dev.alignguard.core.Policy;
import dev.alignguard.core.ScoredField;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.audit.AuditSink;
import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.text.Chunker;
import dev.alignguard.core.text.FieldText;
import dev.alignguard.core.text.NormalizedText;
import dev.alignguard.core.text.TextNormalizer;
import dev.alignguard.core.text.ToolCallText;
import dev.alignguard.core.text.Window;
import dev.alignguard.onnx.ModelBundle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the benchmarks share: guards with the bundled model or a constant classifier, the guard's text
 * pipeline reproduced step by step (extract, normalise, chunk into windows, batch), the bundled tokenizer,
 * and a raw ONNX Runtime session on pre-built tensors, which is the floor a check cannot go below.
 */
final class Fixtures {
    /** The guard's default chunking (Guard.Builder: 80 words, 400 characters, 20 words overlap). */
    static final Chunker CHUNKER = new Chunker(80, 400, 20);
    /** The guard's default windows per classifier call. */
    static final int BATCH = 8;
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
        return new GuardConfig(Policy.defaults(), cache ? CacheSpec.DEFAULT : CacheSpec.DISABLED, TIMEOUT, false, "");
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

    // ---- the guard's text pipeline, step by step (mirrors CheckRun.prepare) ----

    /** The fields the guard scores for an action. */
    static List<FieldText> fields(AgentAction action) {
        if (action instanceof AgentAction.ToolCall call) {
            return ToolCallText.extract(call).fields();
        }
        String text = action instanceof AgentAction.Plan p ? p.text()
                : action instanceof AgentAction.Output o ? o.text() : ((AgentAction.Message) action).text();
        return List.of(FieldText.whole(ScoredField.TEXT, text));
    }

    /** The distinct normalised window texts the guard sends to the classifier for an action, in order. */
    static List<String> windows(AgentAction action) {
        Set<String> distinct = new LinkedHashSet<>();
        for (FieldText f : fields(action)) {
            NormalizedText n = TextNormalizer.normalize(f.text());
            if (n.text().isEmpty()) {
                continue;
            }
            for (Window w : CHUNKER.windows(n.text())) {
                distinct.add(n.text().substring(w.start(), w.end()));
            }
        }
        return new ArrayList<>(distinct);
    }

    /** Splits texts into classifier calls of at most {@link #BATCH}, as the guard does. */
    static List<List<String>> batches(List<String> texts) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += BATCH) {
            out.add(texts.subList(from, Math.min(texts.size(), from + BATCH)));
        }
        return out;
    }

    // ---- the bundled model, read directly ----

    static byte[] bundleFile(String name) {
        String path = ModelBundle.CLASSPATH_LOCATION + name;
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path (guard-model missing or not built)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled tokenizer with OnnxClassifier's settings (truncate to the model's 128, special tokens). */
    static HuggingFaceTokenizer tokenizer(int maxLength) {
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bundleFile("tokenizer.json")),
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

    /** A session on the bundled model bytes with OnnxClassifier's options: 1 intra-op thread, sequential. */
    static OrtSession rawSession(OrtEnvironment env) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions(); // kept open for the session's life
        so.setIntraOpNumThreads(1);
        so.setInterOpNumThreads(1);
        so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return env.createSession(bundleFile("model.onnx"), so);
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

    static void close(List<List<Map<String, OnnxTensor>>> all) {
        for (List<Map<String, OnnxTensor>> calls : all) {
            for (Map<String, OnnxTensor> m : calls) {
                m.values().forEach(OnnxTensor::close);
            }
        }
    }
}
