package dev.alignguard.core.classify;

import dev.alignguard.core.Category;
import dev.alignguard.core.Thresholds;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a model: its id and version (reported in every verdict), the order of its output labels, its
 * window length in tokens, and the thresholds its training pipeline recommends (calibrated on validation
 * data), used for every category the policy does not set itself.
 */
public record ModelInfo(String id, String version, List<Category> labels, int maxLength,
                        Map<Category, Thresholds> recommendedThresholds) {

    public ModelInfo {
        Objects.requireNonNull(id, "id");
        version = version == null ? "" : version;
        labels = List.copyOf(labels);
        recommendedThresholds = recommendedThresholds.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new EnumMap<>(recommendedThresholds));
    }
}
