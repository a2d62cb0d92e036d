package dev.alignguard.core;

import dev.alignguard.core.classify.ModelInfo;
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
 * value, then to the model's recommended thresholds ({@link #thresholds(String, Category, ModelInfo)}).
 */
public final class Policy {

    /** Default input limit: 100,000 characters over all fields of one action. */
    public static final int DEFAULT_MAX_INPUT_CHARS = 100_000;

    private final Map<Category, Map<Decision, Threshold>> levels;
    private final Map<String, Map<Category, Map<Decision, Threshold>>> tools;
    private final FailMode failMode;
    private final int maxInputChars;
    private final Decision onOversize;

    private Policy(Builder b) {
        this.levels = freeze(b.levels);
        Map<String, Map<Category, Map<Decision, Threshold>>> t = new LinkedHashMap<>();
        b.tools.forEach((tool, lv) -> t.put(tool, freeze(lv)));
        this.tools = Collections.unmodifiableMap(t);
        this.failMode = b.failMode;
        this.maxInputChars = b.maxInputChars;
        this.onOversize = b.onOversize;
    }

    private static Map<Category, Map<Decision, Threshold>> freeze(Map<Category, Map<Decision, Threshold>> in) {
        Map<Category, Map<Decision, Threshold>> out = new EnumMap<>(Category.class);
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

    /** Levels set for all tools: category to {FLAG, REQUIRE_APPROVAL, BLOCK} to threshold (unset levels absent). */
    public Map<Category, Map<Decision, Threshold>> levels() {
        return levels;
    }

    /** Per-tool overrides, by tool name, in the order they were set. */
    public Map<String, Map<Category, Map<Decision, Threshold>>> tools() {
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

    /**
     * The complete thresholds for {@code category} on {@code tool} (null: an action that is not a tool call):
     * each level as this policy sets it for the tool, else for all tools, else as {@code model} recommends.
     *
     * @throws ConfigException naming the key ({@code tools.<tool>.<category>} or {@code thresholds.<category>})
     *                         when a level is set nowhere or the levels are out of order
     */
    public Thresholds thresholds(String tool, Category category, ModelInfo model) {
        Objects.requireNonNull(category, "category");
        Map<Decision, Threshold> own = tool == null ? null : tools.getOrDefault(tool, Map.of()).get(category);
        String key = own != null ? "tools." + tool + "." + category.id() : "thresholds." + category.id();
        Thresholds recommended = model.recommendedThresholds().get(category);
        Threshold flag = level(own, category, Decision.FLAG, recommended == null ? null : recommended.flag());
        Threshold approve = level(own, category, Decision.REQUIRE_APPROVAL,
                recommended == null ? null : recommended.requireApproval());
        Threshold block = level(own, category, Decision.BLOCK, recommended == null ? null : recommended.block());
        if (flag == null || approve == null || block == null) {
            throw new ConfigException(key, "no threshold set and the model recommends none; set flag, "
                    + "require_approval and block");
        }
        try {
            return Thresholds.of(flag, approve, block);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage(), e);
        }
    }

    private Threshold level(Map<Decision, Threshold> own, Category category, Decision level, Double recommended) {
        Threshold t = own == null ? null : own.get(level);
        if (t == null) {
            t = levels.getOrDefault(category, Map.of()).get(level);
        }
        return t != null ? t : recommended == null ? null : Threshold.of(recommended);
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        levels.forEach((c, lv) -> b.levels.put(c, new EnumMap<>(lv)));
        tools.forEach((tool, m) -> {
            Map<Category, Map<Decision, Threshold>> copy = new EnumMap<>(Category.class);
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
        private final Map<Category, Map<Decision, Threshold>> levels = new EnumMap<>(Category.class);
        private final Map<String, Map<Category, Map<Decision, Threshold>>> tools = new LinkedHashMap<>();
        private FailMode failMode = FailMode.CLOSED;
        private int maxInputChars = DEFAULT_MAX_INPUT_CHARS;
        private Decision onOversize = Decision.BLOCK;

        private Builder() {
        }

        /** Sets all three thresholds of a category for every tool. */
        public Builder thresholds(Category category, Thresholds thresholds) {
            put(levels, category, thresholds);
            return this;
        }

        /**
         * Sets one level ({@code FLAG}, {@code REQUIRE_APPROVAL} or {@code BLOCK}) of a category for every tool;
         * {@link Thresholds#OFF} disables it.
         *
         * @throws IllegalArgumentException when {@code value} is not in [0, 1] or off, or the level is ALLOW
         */
        public Builder threshold(Category category, Decision level, double value) {
            return threshold(category, level, Threshold.of(value));
        }

        /** Sets one level of a category for every tool. */
        public Builder threshold(Category category, Decision level, Threshold value) {
            put(levels, category, level, value);
            return this;
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
    }

    /** Threshold overrides for one tool. */
    public static final class ToolOverrides {
        private final Map<Category, Map<Decision, Threshold>> levels;

        private ToolOverrides(Map<Category, Map<Decision, Threshold>> levels) {
            this.levels = levels;
        }

        /** Sets one level of a category for this tool. */
        public ToolOverrides threshold(Category category, Decision level, double value) {
            return threshold(category, level, Threshold.of(value));
        }

        /** Sets one level of a category for this tool. */
        public ToolOverrides threshold(Category category, Decision level, Threshold value) {
            put(levels, category, level, value);
            return this;
        }

        /** Sets all three levels of a category for this tool. */
        public ToolOverrides thresholds(Category category, Thresholds t) {
            put(levels, category, t);
            return this;
        }
    }

    private static void put(Map<Category, Map<Decision, Threshold>> into, Category c, Thresholds t) {
        put(into, c, Decision.FLAG, Threshold.of(t.flag()));
        put(into, c, Decision.REQUIRE_APPROVAL, Threshold.of(t.requireApproval()));
        put(into, c, Decision.BLOCK, Threshold.of(t.block()));
    }

    private static void put(Map<Category, Map<Decision, Threshold>> into, Category c, Decision level, Threshold t) {
        if (level == null || level == Decision.ALLOW) {
            throw new IllegalArgumentException("threshold level must be FLAG, REQUIRE_APPROVAL or BLOCK, got " + level);
        }
        into.computeIfAbsent(Objects.requireNonNull(c, "category"), k -> new EnumMap<>(Decision.class))
                .put(level, Objects.requireNonNull(t, "threshold"));
    }
}
