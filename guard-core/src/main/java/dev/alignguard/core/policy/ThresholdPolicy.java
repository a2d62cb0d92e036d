package dev.alignguard.core.policy;

import dev.alignguard.core.Category;
import dev.alignguard.core.ConfigException;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Policy;
import dev.alignguard.core.Reason;
import dev.alignguard.core.ScoredField;
import dev.alignguard.core.Thresholds;
import dev.alignguard.core.classify.ModelInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Policy} resolved against a model: complete, validated thresholds for every category, for all
 * tools and for each overridden tool. Resolving once at start-up means a bad override fails the build of
 * the guard, not a check. Immutable and thread-safe.
 */
public final class ThresholdPolicy {
    private final Map<Category, Thresholds> base;
    private final Map<String, Map<Category, Thresholds>> perTool;

    private ThresholdPolicy(Map<Category, Thresholds> base, Map<String, Map<Category, Thresholds>> perTool) {
        this.base = base;
        this.perTool = perTool;
    }

    /**
     * Fills every level the policy leaves unset from the model's recommendation.
     *
     * @throws ConfigException naming the key when a category has no threshold or levels are out of order
     */
    public static ThresholdPolicy resolve(Policy policy, ModelInfo model) {
        Map<Category, Thresholds> base = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            base.put(c, merge("thresholds." + c.id(), model.recommendedThresholds().get(c), policy.levels().get(c)));
        }
        Map<String, Map<Category, Thresholds>> perTool = new HashMap<>();
        policy.tools().forEach((tool, levels) -> {
            Map<Category, Thresholds> t = new EnumMap<>(base);
            levels.forEach((c, lv) -> t.put(c, merge("tools." + tool + "." + c.id(), base.get(c), lv)));
            perTool.put(tool, t);
        });
        return new ThresholdPolicy(base, perTool);
    }

    private static Thresholds merge(String key, Thresholds fallback, Map<Decision, Double> levels) {
        Map<Decision, Double> lv = levels == null ? Map.of() : levels;
        Double flag = lv.getOrDefault(Decision.FLAG, fallback == null ? null : fallback.flag());
        Double approve = lv.getOrDefault(Decision.REQUIRE_APPROVAL, fallback == null ? null : fallback.requireApproval());
        Double block = lv.getOrDefault(Decision.BLOCK, fallback == null ? null : fallback.block());
        if (flag == null || approve == null || block == null) {
            throw new ConfigException(key, "no threshold set and the model recommends none; set flag, "
                    + "require_approval and block");
        }
        try {
            return new Thresholds(flag, approve, block);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage(), e);
        }
    }

    /** The thresholds that apply to {@code category} for {@code tool} (null: not a tool call). */
    public Thresholds thresholds(String tool, Category category) {
        Map<Category, Thresholds> t = tool == null ? null : perTool.get(tool);
        return (t == null ? base : t).get(category);
    }

    /** The thresholds the scores of one field reach, as reasons (empty: ALLOW). */
    public List<Reason> reasons(String tool, ScoredField field, Map<Category, Double> scores) {
        List<Reason> out = new ArrayList<>(1);
        scores.forEach((c, s) -> {
            Thresholds.Reached r = thresholds(tool, c).reached(s);
            if (r != null) {
                out.add(new Reason(c, s, r.threshold(), r.decision(), field));
            }
        });
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ThresholdPolicy{");
        base.forEach((c, t) -> sb.append(String.format(Locale.ROOT, "%s=%s ", c.id(), t)));
        return sb.append("tools=").append(perTool.keySet()).append('}').toString();
    }
}
