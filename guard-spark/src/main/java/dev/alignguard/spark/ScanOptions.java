package dev.alignguard.spark;

import dev.alignguard.core.ConfigException;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.classify.Classifier;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * How a Spark scan builds its guard on each executor: the policy file's name and text (shipped with the task,
 * so executors need no copy of it), whether the cascade's screening model is used (the CLI's
 * {@code --no-screen}), and optionally a model directory present on every executor or a classifier class to
 * use instead of the bundled model. Equal options share one guard per executor JVM.
 */
public record ScanOptions(String policyName, String policyText, boolean screening, String modelLocation,
                          String classifierClass) implements Serializable {

    /** The bundled model with its recommended thresholds and the cascade on: what the CLI does by default. */
    public static final ScanOptions DEFAULT = new ScanOptions(null, null, true, null, null);

    /**
     * Validates the options.
     *
     * @throws ConfigException when the policy cannot be read (it names the key)
     */
    public ScanOptions {
        if ((policyName == null) != (policyText == null)) {
            throw new IllegalArgumentException("policyName and policyText are given together or not at all");
        }
        if (policyText != null) {
            parse(policyName, policyText);
        }
    }

    /** The same options with the policy {@code text} of a {@code .yaml}, {@code .yml} or {@code .properties} file. */
    public ScanOptions withPolicy(String fileName, String text) {
        return new ScanOptions(Objects.requireNonNull(fileName, "fileName"), Objects.requireNonNull(text, "text"),
                screening, modelLocation, classifierClass);
    }

    /** The same options with the screening model on or off. */
    public ScanOptions withScreening(boolean enabled) {
        return new ScanOptions(policyName, policyText, enabled, modelLocation, classifierClass);
    }

    /** The same options with a model bundle directory that exists at this path on every executor. */
    public ScanOptions withModelLocation(String directory) {
        return new ScanOptions(policyName, policyText, screening, Objects.requireNonNull(directory, "directory"),
                classifierClass);
    }

    /**
     * The same options with a {@link Classifier} built on each executor from {@code type}'s public no-argument
     * constructor instead of the ONNX model (your own model, or a fake in tests).
     */
    public ScanOptions withClassifier(Class<? extends Classifier> type) {
        return new ScanOptions(policyName, policyText, screening, modelLocation, type.getName());
    }

    /** The guard configuration these options describe. */
    GuardConfig config() {
        GuardConfig cfg = policyText == null ? GuardConfig.defaults() : parse(policyName, policyText);
        return modelLocation == null ? cfg
                : new GuardConfig(cfg.policy(), cfg.cache(), cfg.timeout(), cfg.auditRawText(), modelLocation);
    }

    private static GuardConfig parse(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".properties")) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("", "malformed properties file " + name + ": " + e.getMessage(), e);
            }
            return GuardConfig.fromProperties(p);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return GuardConfig.fromYaml(text);
        }
        throw new ConfigException("", "unsupported config file type " + name + " (use .yaml, .yml or .properties)");
    }
}
