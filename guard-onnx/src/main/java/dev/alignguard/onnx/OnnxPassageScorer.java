package dev.alignguard.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.corpus.PassageScorer;
import dev.alignguard.core.text.ScoredText;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The corpus audit's scorer: the corpus model ({@link CorpusModelBundle}, a small model apart from the guard's)
 * read at its output {@code ai_malevolence} [batch, 1] (a sigmoid probability), with the bundle's WordPiece
 * tokenizer; when the bundle has a document-level n-gram member, each window's probability is combined with it
 * (the document's, or the passage's own when scored alone). A model without that output is refused at load with
 * an error naming it. One forward pass per passage by default, so a passage's score does not depend on its batch
 * ({@link OnnxClassifier.Options#batchInference()} pads a batch into one pass instead). Thread-safe.
 */
public final class OnnxPassageScorer implements PassageScorer {
    /** The model output this scorer reads. */
    public static final String OUTPUT = "ai_malevolence";

    private final String model;
    private final WordPieceTokenizer tokenizer;
    private final int maxLength;
    private final boolean batchInference;
    private final OptionalDouble threshold;
    private final OptionalInt strideTokens;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final DocumentStack stack;

    private OnnxPassageScorer(CorpusModelBundle bundle, OnnxClassifier.Options options) {
        this.model = bundle.id() + " " + bundle.version();
        this.threshold = bundle.threshold();
        this.strideTokens = bundle.strideTokens();
        this.stack = bundle.stack().orElse(null);
        this.batchInference = options.batchInference();
        this.maxLength = ModelSessions.maxLength(bundle.maxLength(), options);
        ModelSessions.checkPinned(bundle.sha256(), bundle.origin(), options);
        this.tokenizer = ModelSessions.tokenizer(bundle.tokenizerBytes(), bundle.origin(), maxLength);
        OrtSession s = null;
        try {
            this.env = OrtEnvironment.getEnvironment();
            s = env.createSession(bundle.modelBytes(), ModelSessions.sessionOptions(options));
            checkSignature(s, bundle);
            this.session = s;
        } catch (OrtException | RuntimeException e) {
            ModelSessions.closeQuietly(s);
            throw e instanceof ModelLoadException m ? m
                    : new ModelLoadException("cannot load ONNX model of " + bundle.origin() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The corpus model of the {@value CorpusModelBundle#ARTIFACT} jar on the class path, with default options.
     *
     * @throws ModelLoadException naming {@value CorpusModelBundle#ARTIFACT} when it is missing or holds no model,
     *     or when the model is corrupt or cannot be loaded
     */
    public static OnnxPassageScorer bundled() {
        return load(CorpusModelBundle.bundled(), OnnxClassifier.Options.DEFAULT);
    }

    /**
     * A scorer for a verified corpus model bundle (from {@link CorpusModelBundle#fromDirectory} for a model of
     * your own); the options' intra-op threads, max length, pinned SHA-256 and batch inference apply, screening
     * does not.
     *
     * @throws ModelLoadException when the model has no {@code ai_malevolence} [batch, 1] output or cannot be loaded
     */
    public static OnnxPassageScorer load(CorpusModelBundle bundle, OnnxClassifier.Options options) {
        return new OnnxPassageScorer(bundle, options);
    }

    private void checkSignature(OrtSession s, CorpusModelBundle bundle) throws OrtException {
        if (!s.getInputInfo().containsKey("input_ids") || !s.getInputInfo().containsKey("attention_mask")) {
            throw new ModelLoadException("model of " + bundle.origin() + " must take input_ids and attention_mask, "
                    + "has " + s.getInputInfo().keySet());
        }
        NodeInfo out = s.getOutputInfo().get(OUTPUT);
        if (out == null) {
            throw new ModelLoadException("model " + model + " (" + bundle.origin() + ") has no " + OUTPUT
                    + " output (it has " + s.getOutputInfo().keySet() + ")");
        }
        if (!(out.getInfo() instanceof TensorInfo t) || t.getShape().length != 2 || t.getShape()[1] != 1) {
            throw new ModelLoadException("model " + model + " (" + bundle.origin() + "): output " + OUTPUT
                    + " must be float [batch, 1]");
        }
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public OptionalDouble recommendedThreshold() {
        return threshold;
    }

    @Override
    public OptionalInt recommendedStrideTokens() {
        return strideTokens;
    }

    /** The model's window less its {@code [CLS]} and {@code [SEP]}. */
    @Override
    public int maxTokens() {
        return maxLength - 2;
    }

    @Override
    public void words(String text, WordSink sink) {
        tokenizer.words(text, sink);
    }

    /** Each passage as a document of its own. */
    @Override
    public float[] score(List<String> passages) throws ClassifierException {
        float[] p = windowScores(passages);
        if (stack != null) {
            for (int i = 0; i < p.length; i++) {
                p[i] = stack.combine(p[i], stack.ngram().logit(ScoredText.normalize(passages.get(i))));
            }
        }
        return p;
    }

    @Override
    public float[] score(String document, List<String> windows) throws ClassifierException {
        float[] p = windowScores(windows);
        if (stack != null) {
            double g = stack.ngram().logit(document);
            for (int i = 0; i < p.length; i++) {
                p[i] = stack.combine(p[i], g);
            }
        }
        return p;
    }

    private float[] windowScores(List<String> passages) throws ClassifierException {
        long[][] ids = new long[passages.size()][];
        try {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tokenizer.encode(passages.get(i));
            }
        } catch (RuntimeException e) {
            throw new ClassifierException("tokenizer failed: " + e.getMessage(), e);
        }
        float[] out = new float[ids.length];
        if (batchInference && ids.length > 1) {
            float[][] p = ForwardPass.run(env, session, ids, OUTPUT);
            for (int i = 0; i < out.length; i++) {
                out[i] = p[i][0];
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = ForwardPass.run(env, session, new long[][] {ids[i]}, OUTPUT)[0][0];
            }
        }
        return out;
    }

    @Override
    public void close() {
        ModelSessions.closeQuietly(session);
    }
}
