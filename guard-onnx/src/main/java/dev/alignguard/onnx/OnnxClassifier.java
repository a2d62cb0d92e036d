package dev.alignguard.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.classify.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * Scores texts with a model bundle: the bundle's WordPiece tokenizer, then a cascade: the bundle's small
 * screening model clears clearly benign texts (all labels below its {@code clear_below}) and only the rest
 * pay for the full transformer, one unpadded forward pass per text (or padded batches, see {@link Options}).
 * Both models read the same token ids, so a text is tokenised once. Thread-safe.
 */
public final class OnnxClassifier implements Classifier {
    private final ModelInfo info;
    private final WordPieceTokenizer tokenizer;
    private static final float SELF_TEST_TOLERANCE = 0.02f;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int maxLength;
    private final boolean batchInference;
    private final ScreeningModel screen;
    private final List<DocumentStack> stacks;
    private final LongAdder cleared = new LongAdder();
    private final LongAdder windowsRead = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxClassifier(ModelBundle bundle, Options options) {
        this.info = bundle.info();
        this.stacks = bundle.stacks();
        this.batchInference = options.batchInference();
        this.maxLength = ModelSessions.maxLength(info.maxLength(), options);
        ModelSessions.checkPinned(bundle.sha256(), bundle.origin(), options);
        this.tokenizer = ModelSessions.tokenizer(bundle.tokenizerBytes(), bundle.origin(), maxLength);
        OrtSession s = null;
        // the options are copied into each session, so they are released once both sessions exist
        try (OrtSession.SessionOptions so = ModelSessions.sessionOptions(options)) {
            this.env = OrtEnvironment.getEnvironment();
            s = env.createSession(bundle.modelBytes(), so);
            this.session = s;
            checkSignature(bundle);
            selfTest(bundle);
            this.screen = options.screening() && bundle.screen() != null
                    ? ScreeningModel.load(env, bundle.screen(), so, bundle.origin(), info.labels().size()) : null;
        } catch (OrtException | RuntimeException e) {
            ModelSessions.closeQuietly(s); // a model that fails its checks must not keep its native memory
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
        NodeInfo out = session.getOutputInfo().get(ForwardPass.PROBABILITIES);
        if (out == null || !(out.getInfo() instanceof TensorInfo t) || t.getShape().length != 2) {
            throw new ModelLoadException("model of " + bundle.origin() + " must output probabilities [batch, labels]");
        }
        long labels = t.getShape()[1];
        if (labels != info.labels().size()) {
            throw new ModelLoadException("model of " + bundle.origin() + " outputs " + labels + " labels but its "
                    + "manifest lists " + info.labels().size() + " " + info.labels());
        }
    }

    /**
     * Scores the bundle's reference texts and compares with the scores recorded when the model was built: a
     * tokenizer or model that does not belong to the manifest fails here, at start-up, not silently later.
     */
    private void selfTest(ModelBundle bundle) {
        for (ModelBundle.SelfTestCase c : bundle.selfTest()) {
            float[] got;
            try {
                got = fullModel(new long[][] {tokenizer.encode(c.text())})[0];
            } catch (ClassifierException e) {
                throw new ModelLoadException("self-test of " + bundle.origin() + " failed: " + e.getMessage(), e);
            }
            for (int l = 0; l < got.length; l++) {
                if (l >= c.probabilities().length || Math.abs(got[l] - c.probabilities()[l]) > SELF_TEST_TOLERANCE) {
                    throw new ModelLoadException("self-test of " + bundle.origin() + " failed: reference text scored "
                            + java.util.Arrays.toString(got) + ", expected " + java.util.Arrays.toString(c.probabilities())
                            + "; the tokenizer or model does not match the manifest");
                }
            }
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /**
     * Scores the texts. A text longer than the model's window (128 ids for the bundled model: about 100 English
     * words, but only about 120 characters of unspaced Chinese or Japanese) is read in overlapping windows of ids
     * and scores the highest of them per label, so no part of it goes unread. Windows the screening model clears
     * keep its (low) scores; the others go to the full model. By default each window gets its own forward pass:
     * the int8 model quantises activations per tensor at run time, so padding and neighbours in a batch shift a
     * text's score slightly (about 0.01); one pass per window keeps a text's score independent of what it is
     * checked with, and batching gains little on CPU. {@link Options#batchInference()} pads the escalated windows
     * to their longest instead.
     */
    @Override
    public float[][] score(List<String> texts) throws ClassifierException {
        long[][][] windows = encode(texts);
        List<long[]> escalated = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < windows.length; i++) {
            windowsRead.add(windows[i].length);
            for (long[] ids : windows[i]) {
                float[] p = screen == null ? null : screen.scoreIfClear(ids);
                if (p != null) {
                    out[i] = highest(out[i], p);
                    cleared.increment();
                } else {
                    escalated.add(ids);
                    owners.add(i);
                }
            }
        }
        if (batchInference && escalated.size() > 1) {
            float[][] probs = fullModel(escalated.toArray(new long[0][]));
            for (int j = 0; j < probs.length; j++) {
                out[owners.get(j)] = highest(out[owners.get(j)], probs[j]);
            }
        } else {
            for (int j = 0; j < escalated.size(); j++) {
                out[owners.get(j)] = highest(out[owners.get(j)], fullModel(new long[][] {escalated.get(j)})[0]);
            }
        }
        return out;
    }

    /**
     * With a bundle that has an n-gram member (model 0.9.0), each label's window score is combined with the whole
     * action's n-gram logit for that label (the manifest's {@code stack}) and kept when that is higher: the member
     * can raise a window's score, never lower it, so benign padding or encoding around a threat cannot use it to
     * hide what the transformer sees. Without a member the scores stay as they are.
     */
    @Override
    public UnaryOperator<float[]> forAction(String actionText) {
        if (stacks == null) {
            return UnaryOperator.identity();
        }
        int[] slots = stacks.get(0).ngram().slots(actionText);
        double[] g = new double[stacks.size()];
        for (int l = 0; l < g.length; l++) {
            g[l] = stacks.get(l).ngram().logit(slots);
        }
        return row -> {
            float[] out = new float[row.length];
            for (int l = 0; l < out.length; l++) {
                out[l] = Math.max(row[l], stacks.get(l).combine(row[l], g[l]));
            }
            return out;
        };
    }

    /** The label-wise maximum of {@code so far} (null for none yet) and {@code p}. */
    private static float[] highest(float[] soFar, float[] p) {
        if (soFar == null) {
            return p;
        }
        for (int l = 0; l < soFar.length; l++) {
            soFar[l] = Math.max(soFar[l], p[l]);
        }
        return soFar;
    }

    /**
     * How many windows of ids the screening model has cleared since load (0 without a screen), for metrics and
     * tuning. A text is one window unless it is longer than the model's (see {@link #windowsRead()}).
     */
    public long clearedByScreen() {
        return cleared.sum();
    }

    /** How many windows of ids this classifier has scored since load, by the screen or the full model. */
    public long windowsRead() {
        return windowsRead.sum();
    }

    /** Whether a screening model runs in front of the full model (the bundle has one and it is enabled). */
    public boolean screening() {
        return screen != null;
    }

    private long[][][] encode(List<String> texts) throws ClassifierException {
        long[][][] ids = new long[texts.size()][][];
        try {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tokenizer.encodeWindows(texts.get(i));
            }
        } catch (RuntimeException e) {
            throw new ClassifierException("tokenizer failed: " + e.getMessage(), e);
        }
        return ids;
    }

    private float[][] fullModel(long[][] ids) throws ClassifierException {
        return ForwardPass.run(env, session, ids, ForwardPass.PROBABILITIES);
    }

    /** Token ids as the model sees them (for parity checks and tools). */
    long[] tokenIds(String text) {
        return tokenizer.encode(text);
    }

    /** Releases both models; a second call does nothing. Call it once no check is running on this classifier. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ModelSessions.closeQuietly(session);
            ModelSessions.closeQuietly(screen);
        }
    }

    /**
     * Runtime options: ONNX Runtime intra-op threads (default 1: the calling thread does the work, no pool
     * competes with the host), a shorter max length than the model's (0 = the model's), an optional SHA-256
     * the model must have (pinning), batch inference (off: one pass per text, scores independent of the
     * batch; on: one padded pass per batch, slightly faster, scores vary by about 0.01 with the batch), and
     * screening (on: the bundle's screening model clears clearly benign texts before the full model; off:
     * every text goes to the full model).
     */
    public record Options(int intraOpThreads, int maxLength, String pinnedSha256, boolean batchInference,
                          boolean screening) {
        public static final Options DEFAULT = new Options(1, 0, "", false, true);

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
            return new Options(threads, maxLength, pinnedSha256, batchInference, screening);
        }

        public Options withMaxLength(int length) {
            return new Options(intraOpThreads, length, pinnedSha256, batchInference, screening);
        }

        public Options withPinnedSha256(String sha256) {
            return new Options(intraOpThreads, maxLength, sha256, batchInference, screening);
        }

        public Options withBatchInference(boolean enabled) {
            return new Options(intraOpThreads, maxLength, pinnedSha256, enabled, screening);
        }

        public Options withScreening(boolean enabled) {
            return new Options(intraOpThreads, maxLength, pinnedSha256, batchInference, enabled);
        }
    }
}
