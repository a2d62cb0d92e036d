package dev.alignguard.core.internal.policy;

import dev.alignguard.core.Category;
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
     * Fills every level the policy leaves unset from the model's recommendation
     * ({@link Policy#thresholds(String, Category, ModelInfo)}).
     *
     * @throws dev.alignguard.core.ConfigException naming the key when a category has no threshold or levels are out of order
     */
    public static ThresholdPolicy resolve(Policy policy, ModelInfo model) {
        Map<Category, Thresholds> base = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            base.put(c, policy.thresholds(null, c, model));
        }
        Map<String, Map<Category, Thresholds>> perTool = new HashMap<>();
        for (String tool : policy.tools().keySet()) {
            Map<Category, Thresholds> t = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                t.put(c, policy.thresholds(tool, c, model));
            }
            perTool.put(tool, t);
        }
        return new ThresholdPolicy(base, perTool);
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
