package dev.alignguard.spark;

import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.GuardException;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.onnx.ModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import java.nio.file.Path;

/**
 * The guards of this JVM, one per {@link ScanOptions}: loaded by the first task that needs one and shared by
 * every task of the executor after it (a {@link Guard} is thread-safe), so the model is read once per executor
 * and never shipped from the driver. {@link AlignGuardPlugin} closes them when the executor stops; a later
 * task loads them again.
 */
final class ExecutorGuards {
    /** The guard for each options, loaded on first use; {@code closeAll} closes every guard and its classifier. */
    static final ExecutorCache<ScanOptions, Loaded> CACHE = new ExecutorCache<>(ExecutorGuards::load, l -> {
        l.guard().close();
        l.classifier().close();
    });

    /** A guard, the classifier it was built on (the guard does not own it) and the model's SHA-256. */
    record Loaded(Guard guard, Classifier classifier, String modelSha256) {
    }

    private ExecutorGuards() {
    }

    private static Loaded load(ScanOptions options) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        GuardConfig cfg = options.config();
        Classifier classifier;
        String sha256;
        if (options.classifierClass() != null) {
            classifier = instantiate(options.classifierClass());
            sha256 = "";
        } else {
            ModelBundle bundle = cfg.modelLocation().isBlank() ? ModelBundle.bundled()
                    : ModelBundle.fromDirectory(Path.of(cfg.modelLocation()));
            classifier = OnnxClassifier.load(bundle, OnnxClassifier.Options.DEFAULT.withScreening(options.screening()));
            sha256 = bundle.sha256();
        }
        try {
            // The scan's output is the record of every decision; per-decision log lines would only repeat it.
            Guard guard = Guard.builder().config(cfg).classifier(classifier).auditSink(event -> { }).build();
            return new Loaded(guard, classifier, sha256);
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
    }

    private static Classifier instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            return (Classifier) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new GuardException("cannot create classifier " + className + ": " + e, e);
        }
    }
}
