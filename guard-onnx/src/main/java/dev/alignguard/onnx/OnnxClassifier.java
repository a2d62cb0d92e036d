package dev.alignguard.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.classify.ModelInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * Scores texts with a model bundle: the DJL HuggingFace tokenizer, then one ONNX Runtime session shared
 * by all threads, one unpadded forward pass per text. Works offline: DJL's telemetry and
 * downloads are switched off before the tokenizer loads. Thread-safe.
 */
public final class OnnxClassifier implements Classifier {
    static {
        // DJL calls home (EC2 metadata) and may download natives unless told it is offline.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final ModelInfo info;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int maxLength;

    private OnnxClassifier(ModelBundle bundle, Options options) {
        this.info = bundle.info();
        this.maxLength = Math.min(options.maxLength() > 0 ? options.maxLength() : info.maxLength(), info.maxLength());
        if (!options.pinnedSha256().isEmpty() && !options.pinnedSha256().equalsIgnoreCase(bundle.sha256())) {
            throw new ModelLoadException("model " + bundle.origin() + " has sha256 " + bundle.sha256()
                    + " but " + options.pinnedSha256() + " is pinned");
        }
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bundle.tokenizerBytes()),
                    Map.of("truncation", "true", "padding", "false", "maxLength", Integer.toString(maxLength),
                            "addSpecialTokens", "true"));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot load tokenizer of " + bundle.origin() + ": " + e.getMessage(), e);
        }
        try {
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(bundle.modelBytes(), so);
            checkSignature(bundle);
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            throw e instanceof ModelLoadException m ? m
                    : new ModelLoadException("cannot load ONNX model of " + bundle.origin() + ": " + e.getMessage(), e);
        }
    }

    /** The bundled model (guard-model on the class path) with default options. */
    public static OnnxClassifier bundled() {
        return load(ModelBundle.bundled(), Options.DEFAULT);
    }

    /** A classifier for a verified bundle. */
    public static OnnxClassifier load(ModelBundle bundle, Options options) {
        return new OnnxClassifier(bundle, options);
    }

    private void checkSignature(ModelBundle bundle) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (!inputs.containsKey("input_ids") || !inputs.containsKey("attention_mask")) {
            throw new ModelLoadException("model of " + bundle.origin() + " must take input_ids and attention_mask, "
                    + "has " + inputs.keySet());
        }
        NodeInfo out = session.getOutputInfo().get("probabilities");
        if (out == null || !(out.getInfo() instanceof TensorInfo t) || t.getShape().length != 2) {
            throw new ModelLoadException("model of " + bundle.origin() + " must output probabilities [batch, labels]");
        }
        long labels = t.getShape()[1];
        if (labels != info.labels().size()) {
            throw new ModelLoadException("model of " + bundle.origin() + " outputs " + labels + " labels but its "
                    + "manifest lists " + info.labels().size() + " " + info.labels());
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /**
     * Scores each text in its own forward pass. The int8 model quantises activations per tensor at run time,
     * so padding and neighbours in a batch would shift a text's score slightly; one pass per text keeps the
     * score of a text independent of what it is checked with (and batching gains little on CPU).
     */
    @Override
    public float[][] score(List<String> texts) throws ClassifierException {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = scoreOne(texts.get(i));
        }
        return out;
    }

    private float[] scoreOne(String text) throws ClassifierException {
        long[] ids;
        try {
            ids = tokenizer.encode(text).getIds();
        } catch (RuntimeException e) {
            throw new ClassifierException("tokenizer failed: " + e.getMessage(), e);
        }
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1L);
        long[] shape = {1, ids.length};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", idT, "attention_mask", maskT))) {
            Object value = r.get("probabilities").orElseThrow().getValue();
            if (!(value instanceof float[][] probs) || probs.length != 1) {
                throw new ClassifierException("model returned an unexpected output");
            }
            return probs[0];
        } catch (OrtException | RuntimeException e) {
            throw new ClassifierException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    /** Token ids as the model sees them (for parity checks and tools). */
    long[] tokenIds(String text) {
        return tokenizer.encode(text).getIds();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session only releases memory; nothing more can be done here
        } finally {
            tokenizer.close();
        }
    }

    /**
     * Runtime options: ONNX Runtime intra-op threads (default 1: the calling thread does the work, no pool
     * competes with the host), a shorter max length than the model's (0 = the model's), and an optional
     * SHA-256 the model must have (pinning).
     */
    public record Options(int intraOpThreads, int maxLength, String pinnedSha256) {
        public static final Options DEFAULT = new Options(1, 0, "");

        public Options {
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
            }
            if (maxLength < 0) {
                throw new IllegalArgumentException("maxLength must not be negative, got " + maxLength);
            }
            pinnedSha256 = pinnedSha256 == null ? "" : pinnedSha256.trim();
        }

        public Options withIntraOpThreads(int threads) {
            return new Options(threads, maxLength, pinnedSha256);
        }

        public Options withMaxLength(int length) {
            return new Options(intraOpThreads, length, pinnedSha256);
        }

        public Options withPinnedSha256(String sha256) {
            return new Options(intraOpThreads, maxLength, sha256);
        }
    }
}
