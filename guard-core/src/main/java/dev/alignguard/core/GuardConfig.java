package dev.alignguard.core;

import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.judge.JudgeSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything a config file can set: the {@link Policy}, the score cache, the per-check deadline, whether
 * audit records may contain raw text, where the model bundle lives (empty: the bundled model) and the scope of
 * a judge model ({@link JudgeSpec}, used when the code gives the guard one). Load it from YAML or .properties to
 * tune a deployment without recompiling; see the README for every key.
 */
public record GuardConfig(Policy policy, CacheSpec cache, Duration timeout, boolean auditRawText,
                          String modelLocation, JudgeSpec judge) {

    /** Default deadline for one check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest deadline a check may have: one day (a check's deadline is kept in nanoseconds). */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    public GuardConfig {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(cache, "cache");
        checkTimeout(timeout);
        modelLocation = modelLocation == null ? "" : modelLocation;
        Objects.requireNonNull(judge, "judge");
    }

    /** {@code timeout} when it is positive and at most {@link #MAX_TIMEOUT}; else an error naming it. */
    static Duration checkTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be positive and at most " + MAX_TIMEOUT + ", got "
                    + timeout);
        }
        return timeout;
    }

    /** A config with the default judge scope. */
    public GuardConfig(Policy policy, CacheSpec cache, Duration timeout, boolean auditRawText, String modelLocation) {
        this(policy, cache, timeout, auditRawText, modelLocation, JudgeSpec.DEFAULT);
    }

    /** Default policy, default cache, 5 s deadline, no raw text in audit records, bundled model, default judge scope. */
    public static GuardConfig defaults() {
        return new GuardConfig(Policy.defaults(), CacheSpec.DEFAULT, DEFAULT_TIMEOUT, false, "");
    }

    /** This config with another policy (how code sets a policy built with {@link Policy#builder()}). */
    public GuardConfig withPolicy(Policy other) {
        return new GuardConfig(other, cache, timeout, auditRawText, modelLocation, judge);
    }

    /** This config with another score and verdict cache. */
    public GuardConfig withCache(CacheSpec other) {
        return new GuardConfig(policy, other, timeout, auditRawText, modelLocation, judge);
    }

    /** This config with another deadline per check. */
    public GuardConfig withTimeout(Duration other) {
        return new GuardConfig(policy, cache, other, auditRawText, modelLocation, judge);
    }

    /** This config with another model bundle directory ("" or null: the bundled model). */
    public GuardConfig withModelLocation(String other) {
        return new GuardConfig(policy, cache, timeout, auditRawText, other, judge);
    }

    /**
     * Loads a {@code .yaml}/{@code .yml} or {@code .properties} file.
     *
     * @throws ConfigException naming the key for unknown keys, bad values, or an unreadable file
     */
    public static GuardConfig load(Path file) {
        return ConfigLoader.load(file);
    }

    /** Parses YAML text (see the README for the keys). */
    public static GuardConfig fromYaml(String yaml) {
        return ConfigLoader.fromYaml(yaml);
    }

    /** Reads properties; keys may carry an {@code alignguard.} prefix. */
    public static GuardConfig fromProperties(Properties properties) {
        return ConfigLoader.fromProperties(properties);
    }

    /** Binds flat dotted keys ({@code thresholds.blackmail.block}) to values, e.g. from a framework's config. */
    public static GuardConfig fromMap(Map<String, ?> flatKeys) {
        return ConfigLoader.bind(flatKeys);
    }
}
