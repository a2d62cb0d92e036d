package dev.alignguard.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.alignguard.core.ModelLoadException;
import dev.alignguard.core.classify.ClassifierException;

/**
 * The cascade's first stage: a small model on the same token ids as the full model. A text whose every label
 * scores below the bundle's {@code clear_below} is clearly benign and keeps these scores; any other text is
 * escalated to the full model. The thresholds are calibrated when the model is built so that the screen
 * escalates at least 99.5% of the validation positives of every label.
 */
final class ScreeningModel implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final float[] clearBelow;

    private ScreeningModel(OrtEnvironment env, OrtSession session, float[] clearBelow) {
        this.env = env;
        this.session = session;
        this.clearBelow = clearBelow;
    }

    static ScreeningModel load(OrtEnvironment env, ModelBundle.Screen screen, OrtSession.SessionOptions options,
                               String origin, int labels) throws OrtException {
        OrtSession session = env.createSession(screen.model(), options);
        NodeInfo out = session.getOutputInfo().get(ForwardPass.PROBABILITIES);
        if (out == null || !(out.getInfo() instanceof TensorInfo t) || t.getShape().length != 2
                || t.getShape()[1] != labels || !session.getInputInfo().containsKey("input_ids")
                || !session.getInputInfo().containsKey("attention_mask")) {
            session.close();
            throw new ModelLoadException("screening model of " + origin + " must take input_ids and attention_mask "
                    + "and output probabilities [batch, " + labels + "]");
        }
        return new ScreeningModel(env, session, screen.clearBelow().clone());
    }

    /** The screen's scores when the text is clearly benign, or null when the full model must decide. */
    float[] scoreIfClear(long[] ids) throws ClassifierException {
        float[] p = ForwardPass.run(env, session, new long[][] {ids}, ForwardPass.PROBABILITIES)[0];
        for (int l = 0; l < clearBelow.length; l++) {
            if (!(p[l] < clearBelow[l])) {
                return null;
            }
        }
        return p;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
