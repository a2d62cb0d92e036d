package dev.alignguard.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.alignguard.core.ModelLoadException;
import java.io.IOException;

/**
 * What loading a bundle's model takes, for the guard's classifier and the corpus audit's scorer alike: the
 * pinned-checksum check, the tokenizer cut to the window length, and ONNX Runtime's session options.
 */
final class ModelSessions {
    private ModelSessions() {
    }

    /** The window length in tokens: the options' when shorter than the model's, else the model's. */
    static int maxLength(int model, OnnxClassifier.Options options) {
        return Math.min(options.maxLength() > 0 ? options.maxLength() : model, model);
    }

    /** @throws ModelLoadException when the options pin another SHA-256 than the model of {@code origin} has */
    static void checkPinned(String sha256, String origin, OnnxClassifier.Options options) {
        if (!options.pinnedSha256().isEmpty() && !options.pinnedSha256().equalsIgnoreCase(sha256)) {
            throw new ModelLoadException("model " + origin + " has sha256 " + sha256
                    + " but " + options.pinnedSha256() + " is pinned");
        }
    }

    /** @throws ModelLoadException when the tokenizer.json of {@code origin} cannot be read */
    static WordPieceTokenizer tokenizer(byte[] tokenizerJson, String origin, int maxLength) {
        try {
            return WordPieceTokenizer.fromJson(tokenizerJson, maxLength);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot load tokenizer of " + origin + ": " + e.getMessage(), e);
        }
    }

    /** Sequential execution on the calling thread plus the options' intra-op threads, all graph optimisations. */
    static OrtSession.SessionOptions sessionOptions(OnnxClassifier.Options options) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(options.intraOpThreads());
        so.setInterOpNumThreads(1);
        so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return so;
    }

    /** Closes {@code session} (null for none) without throwing: it only releases memory, and may be closed already. */
    static void closeQuietly(AutoCloseable session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (Exception e) {
            // nothing more can be done about memory that will not be released
        }
    }
}
