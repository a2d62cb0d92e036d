package dev.alignguard.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.alignguard.core.classify.ClassifierException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime forward pass over token id sequences, right-padded to the longest, padding masked out, reading
 * one output ({@code probabilities} [batch, labels] for the guard, {@code ai_malevolence} [batch, 1] for the corpus
 * audit).
 */
final class ForwardPass {
    /** The guard's output: one probability per label. */
    static final String PROBABILITIES = "probabilities";

    private ForwardPass() {
    }

    static float[][] run(OrtEnvironment env, OrtSession session, long[][] ids, String output)
            throws ClassifierException {
        int n = ids.length;
        int longest = 1;
        for (long[] s : ids) {
            longest = Math.max(longest, s.length);
        }
        long[] idBuf = new long[n * longest];
        long[] maskBuf = new long[n * longest];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ids[i], 0, idBuf, i * longest, ids[i].length);
            Arrays.fill(maskBuf, i * longest, i * longest + ids[i].length, 1L);
        }
        long[] shape = {n, longest};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(idBuf), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(maskBuf), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", idT, "attention_mask", maskT), Set.of(output))) {
            Object value = r.get(output).orElseThrow().getValue();
            if (!(value instanceof float[][] probs) || probs.length != n) {
                throw new ClassifierException("model returned an unexpected output for " + n + " texts");
            }
            return probs;
        } catch (OrtException | RuntimeException e) {
            throw new ClassifierException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }
}
