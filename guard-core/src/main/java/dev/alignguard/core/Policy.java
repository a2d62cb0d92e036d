package dev.alignguard.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How scores become decisions: per-category thresholds (flag, require approval, block), per-tool overrides
 * of any of them, the fail mode, and the input size limit. Immutable; build it with {@link #builder()} or
 * load it from a file with {@link GuardConfig#load}. Levels left unset fall back to the tool-independent
 * value, then to the model's recommended thresholds.
 */
public final class Policy {

    /** Default input limit: 100,000 characters over all fields of one action. */
    public static final int DEFAULT_MAX_INPUT_CHARS = 100_000;

    private final Map<Category, Map<Decision, Double>> levels;
    private final Map<String, Map<Category, Map<Decision, Double>>> tools;
    private final FailMode failMode;
    private final int maxInputChars;
    private final Decision onOversize;

    private Policy(Builder b) {
        this.levels = freeze(b.levels);
        Map<String, Map<Category, Map<Decision, Double>>> t = new LinkedHashMap<>();
        b.tools.forEach((tool, lv) -> t.put(tool, freeze(lv)));
        this.tools = Collections.unmodifiableMap(t);
        this.failMode = b.failMode;
        this.maxInputChars = b.maxInputChars;
        this.onOversize = b.onOversize;
    }

    private static Map<Category, Map<Decision, Double>> freeze(Map<Category, Map<Decision, Double>> in) {
        Map<Category, Map<Decision, Double>> out = new EnumMap<>(Category.class);
        in.forEach((c, lv) -> out.put(c, Collections.unmodifiableMap(new EnumMap<>(lv))));
        return Collections.unmodifiableMap(out);
    }

    /** The defaults: model-recommended thresholds, fail-closed, 100,000 characters, oversize blocks. */
    public static Policy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Levels set for all tools: category to {FLAG, REQUIRE_APPROVAL, BLOCK} to threshold. */
    public Map<Category, Map<Decision, Double>> levels() {
        return levels;
    }

    /** Per-tool overrides, by tool name. */
    public Map<String, Map<Category, Map<Decision, Double>>> tools() {
        return tools;
    }

    public FailMode failMode() {
        return failMode;
    }

    /** The most characters (over all fields of an action) that are scored. */
    public int maxInputChars() {
        return maxInputChars;
    }

    /** The least severe decision for an action over {@link #maxInputChars()}. */
    public Decision onOversize() {
        return onOversize;
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        levels.forEach((c, lv) -> b.levels.put(c, new EnumMap<>(lv)));
        tools.forEach((tool, m) -> {
            Map<Category, Map<Decision, Double>> copy = new EnumMap<>(Category.class);
            m.forEach((c, lv) -> copy.put(c, new EnumMap<>(lv)));
            b.tools.put(tool, copy);
        });
        return b.failMode(failMode).maxInputChars(maxInputChars).onOversize(onOversize);
    }

    @Override
    public String toString() {
        return "Policy{levels=" + levels + ", tools=" + tools + ", failMode=" + failMode + ", maxInputChars="
                + maxInputChars + ", onOversize=" + onOversize + '}';
    }

    /** Builds a {@link Policy}. Not thread-safe; the policy it builds is. */
    public static final class Builder {
        private final Map<Category, Map<Decision, Double>> levels = new EnumMap<>(Category.class);
        private final Map<String, Map<Category, Map<Decision, Double>>> tools = new LinkedHashMap<>();
        private FailMode failMode = FailMode.CLOSED;
        private int maxInputChars = DEFAULT_MAX_INPUT_CHARS;
        private Decision onOversize = Decision.BLOCK;

        private Builder() {
        }

        /** Sets all three thresholds of a category for every tool. */
        public Builder thresholds(Category category, Thresholds thresholds) {
            put(levels, category, Decision.FLAG, thresholds.flag());
            put(levels, category, Decision.REQUIRE_APPROVAL, thresholds.requireApproval());
            return put(levels, category, Decision.BLOCK, thresholds.block());
        }

        /**
         * Sets one level ({@code FLAG}, {@code REQUIRE_APPROVAL} or {@code BLOCK}) of a category for every tool;
         * {@link Thresholds#OFF} disables it.
         */
        public Builder threshold(Category category, Decision level, double value) {
            return put(levels, category, level, value);
        }

        /** Overrides levels for one tool, e.g. {@code tool("send_email", t -> t.threshold(BLACKMAIL, BLOCK, 0.5))}. */
        public Builder tool(String name, Consumer<ToolOverrides> overrides) {
            Objects.requireNonNull(name, "tool name");
            overrides.accept(new ToolOverrides(tools.computeIfAbsent(name, k -> new EnumMap<>(Category.class))));
            return this;
        }

        public Builder failMode(FailMode mode) {
            this.failMode = Objects.requireNonNull(mode, "failMode");
            return this;
        }

        /** The most characters scored per action, at least 1. */
        public Builder maxInputChars(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxInputChars must be at least 1, got " + chars);
            }
            this.maxInputChars = chars;
            return this;
        }

        /** The least severe decision for an oversized action (its first characters are still scored). */
        public Builder onOversize(Decision decision) {
            this.onOversize = Objects.requireNonNull(decision, "onOversize");
            return this;
        }

        public Policy build() {
            return new Policy(this);
        }

        private Builder put(Map<Category, Map<Decision, Double>> into, Category c, Decision level, double value) {
            into.computeIfAbsent(Objects.requireNonNull(c, "category"), k -> new EnumMap<>(Decision.class))
                    .put(checkLevel(level), checkValue(value));
            return this;
        }
    }

    /** Threshold overrides for one tool. */
    public static final class ToolOverrides {
        private final Map<Category, Map<Decision, Double>> levels;

        private ToolOverrides(Map<Category, Map<Decision, Double>> levels) {
            this.levels = levels;
        }

        /** Sets one level of a category for this tool. */
        public ToolOverrides threshold(Category category, Decision level, double value) {
            levels.computeIfAbsent(Objects.requireNonNull(category, "category"), k -> new EnumMap<>(Decision.class))
                    .put(checkLevel(level), checkValue(value));
            return this;
        }

        /** Sets all three levels of a category for this tool. */
        public ToolOverrides thresholds(Category category, Thresholds t) {
            return threshold(category, Decision.FLAG, t.flag())
                    .threshold(category, Decision.REQUIRE_APPROVAL, t.requireApproval())
                    .threshold(category, Decision.BLOCK, t.block());
        }
    }

    private static Decision checkLevel(Decision level) {
        if (level == null || level == Decision.ALLOW) {
            throw new IllegalArgumentException("threshold level must be FLAG, REQUIRE_APPROVAL or BLOCK, got " + level);
        }
        return level;
    }

    private static double checkValue(double value) {
        if (value != Thresholds.OFF && !(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in [0, 1] or off, got " + value);
        }
        return value;
    }
}
