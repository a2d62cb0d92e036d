package dev.alignguard.core;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The guard's answer for one action: the decision and its cause, the highest score per category over
 * all scored fields, the thresholds that were crossed, where in the original text the evidence is, the
 * model that scored it, how long the check took and anything odd about the input. A REQUIRE_APPROVAL verdict
 * that a judge model decided also carries its {@link Judgement} (null otherwise).
 */
public record Verdict(Decision decision, Cause cause, Map<Category, Double> scores, List<Reason> reasons,
                      List<Evidence> evidence, String modelId, Duration elapsed, List<String> warnings,
                      Judgement judgement) {

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(cause, "cause");
        scores = scores.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(scores));
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        modelId = modelId == null ? "" : modelId;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        warnings = List.copyOf(warnings);
    }

    /** A verdict no judge has seen. */
    public Verdict(Decision decision, Cause cause, Map<Category, Double> scores, List<Reason> reasons,
                   List<Evidence> evidence, String modelId, Duration elapsed, List<String> warnings) {
        this(decision, cause, scores, reasons, evidence, modelId, elapsed, warnings, null);
    }

    /** The same verdict with another elapsed time (a verdict served from the guard's cache reports the lookup's). */
    public Verdict withElapsed(Duration time) {
        return new Verdict(decision, cause, scores, reasons, evidence, modelId, time, warnings, judgement);
    }

    /** The same verdict with the judge's decision on it. */
    public Verdict withJudgement(Judgement judged) {
        return new Verdict(decision, cause, scores, reasons, evidence, modelId, elapsed, warnings,
                Objects.requireNonNull(judged, "judgement"));
    }

    /** True when the host may run the action without asking anyone (ALLOW or FLAG). */
    public boolean allowed() {
        return !decision.stopsAction();
    }

    /** The score for {@code category}, 0 when it was not scored (for example after an error). */
    public double score(Category category) {
        return scores.getOrDefault(category, 0.0);
    }

    /** A one-line, human-readable summary that holds no raw text beyond the evidence snippets. */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(decision);
        if (cause != Cause.POLICY) {
            sb.append(" (").append(cause).append(')');
        }
        for (Reason r : reasons) {
            sb.append(String.format(java.util.Locale.ROOT, " %s=%.2f>=%.2f[%s]", r.category().id(), r.score(),
                    r.threshold(), r.field().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (judgement != null) {
            sb.append(" judge=").append(judgement.decision());
            if (judgement.outcome() != Judgement.Outcome.ANSWERED) {
                sb.append('(').append(judgement.outcome().id()).append(')');
            }
        }
        if (!warnings.isEmpty()) {
            sb.append(" warnings=").append(warnings);
        }
        return sb.toString();
    }
}
