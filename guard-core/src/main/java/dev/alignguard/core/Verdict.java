package dev.alignguard.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The guard's answer for one action: the decision and its cause, the highest score per category over
 * all scored fields, the thresholds that were crossed, where in the original text the evidence is, the
 * model that scored it, how long the check took and anything odd about the input. A REQUIRE_APPROVAL verdict
 * that a judge model decided also carries its {@link Judgement} (null otherwise).
 *
 * <p>Immutable and thread-safe. The guard builds verdicts; code that needs one of its own (a test double, an
 * adapter's fallback) builds it with {@link #builder(Decision, Cause)}, never by position, so that a value
 * added in a later version breaks no host.
 */
public final class Verdict {
    private final Decision decision;
    private final Cause cause;
    private final Map<Category, Double> scores;
    private final List<Reason> reasons;
    private final List<Evidence> evidence;
    private final String modelId;
    private final Duration elapsed;
    private final List<String> warnings;
    private final Judgement judgement;

    private Verdict(Builder b) {
        this.decision = b.decision;
        this.cause = b.cause;
        this.scores = b.scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(b.scores));
        this.reasons = List.copyOf(b.reasons);
        this.evidence = List.copyOf(b.evidence);
        this.modelId = b.modelId;
        this.elapsed = b.elapsed;
        this.warnings = List.copyOf(b.warnings);
        this.judgement = b.judgement;
    }

    /**
     * A builder for a verdict with {@code decision} and {@code cause}; everything else starts empty (no scores,
     * reasons, evidence or warnings, model id "", elapsed zero, no judgement).
     *
     * @throws NullPointerException if {@code decision} or {@code cause} is null
     */
    public static Builder builder(Decision decision, Cause cause) {
        return new Builder(decision, cause);
    }

    /** A builder holding this verdict's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(decision, cause).scores(scores).reasons(reasons).evidence(evidence).modelId(modelId)
                .elapsed(elapsed).warnings(warnings);
        b.judgement = judgement;
        return b;
    }

    /** The same verdict with another elapsed time (a verdict served from the guard's cache reports the lookup's). */
    public Verdict withElapsed(Duration time) {
        return toBuilder().elapsed(time).build();
    }

    /** The same verdict with the judge's decision on it. */
    public Verdict withJudgement(Judgement judged) {
        return toBuilder().judgement(judged).build();
    }

    /** ALLOW, FLAG, REQUIRE_APPROVAL or BLOCK. */
    public Decision decision() {
        return decision;
    }

    /** Whether the policy decided ({@code POLICY}) or the fail mode did ({@code ERROR}, {@code TIMEOUT}). */
    public Cause cause() {
        return cause;
    }

    /** The highest score per category over all scored fields; empty when nothing was scored. */
    public Map<Category, Double> scores() {
        return scores;
    }

    /** Every threshold a field's score reached, with the field. */
    public List<Reason> reasons() {
        return reasons;
    }

    /** Per triggered category, its highest-scoring window as offsets into the original text. */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** The id of the model that scored the action ("" when none did). */
    public String modelId() {
        return modelId;
    }

    /** How long the check took. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Anything odd about the input or the check (malformed JSON, truncation, a failure and its fail mode). */
    public List<String> warnings() {
        return warnings;
    }

    /** The judge model's decision on a REQUIRE_APPROVAL verdict, or null when no judge saw it. */
    public Judgement judgement() {
        return judgement;
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
            sb.append(String.format(Locale.ROOT, " %s=%.2f>=%.2f[%s]", r.category().id(), r.score(),
                    r.threshold(), r.field().name().toLowerCase(Locale.ROOT)));
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Verdict v && decision == v.decision && cause == v.cause && scores.equals(v.scores)
                && reasons.equals(v.reasons) && evidence.equals(v.evidence) && modelId.equals(v.modelId)
                && elapsed.equals(v.elapsed) && warnings.equals(v.warnings) && Objects.equals(judgement, v.judgement);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decision, cause, scores, reasons, evidence, modelId, elapsed, warnings, judgement);
    }

    @Override
    public String toString() {
        return "Verdict[decision=" + decision + ", cause=" + cause + ", scores=" + scores + ", reasons=" + reasons
                + ", evidence=" + evidence + ", modelId=" + modelId + ", elapsed=" + elapsed + ", warnings="
                + warnings + ", judgement=" + judgement + ']';
    }

    /** Builds a {@link Verdict}; start with {@link Verdict#builder}. Not thread-safe; the verdict it builds is. */
    public static final class Builder {
        private Decision decision;
        private Cause cause;
        private final Map<Category, Double> scores = new EnumMap<>(Category.class);
        private final List<Reason> reasons = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private String modelId = "";
        private Duration elapsed = Duration.ZERO;
        private Judgement judgement;

        private Builder(Decision decision, Cause cause) {
            decision(decision).cause(cause);
        }

        /** Replaces the decision. */
        public Builder decision(Decision d) {
            this.decision = Objects.requireNonNull(d, "decision");
            return this;
        }

        /** Replaces the cause. */
        public Builder cause(Cause c) {
            this.cause = Objects.requireNonNull(c, "cause");
            return this;
        }

        /** Sets the score of one category. */
        public Builder score(Category category, double score) {
            scores.put(Objects.requireNonNull(category, "category"), score);
            return this;
        }

        /** Sets the score of every category in {@code all} (the others keep theirs). */
        public Builder scores(Map<Category, Double> all) {
            all.forEach(this::score);
            return this;
        }

        /** Adds reasons, in order. */
        public Builder reasons(List<Reason> more) {
            more.forEach(r -> reasons.add(Objects.requireNonNull(r, "reason")));
            return this;
        }

        /** Adds evidence spans, in order. */
        public Builder evidence(List<Evidence> more) {
            more.forEach(e -> evidence.add(Objects.requireNonNull(e, "evidence")));
            return this;
        }

        /** The id of the model that scored the action (null: ""). */
        public Builder modelId(String id) {
            this.modelId = id == null ? "" : id;
            return this;
        }

        /** How long the check took (null: zero). */
        public Builder elapsed(Duration time) {
            this.elapsed = time == null ? Duration.ZERO : time;
            return this;
        }

        /** Adds one warning. */
        public Builder warning(String warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /** Adds warnings, in order. */
        public Builder warnings(List<String> more) {
            more.forEach(this::warning);
            return this;
        }

        /** The judge's decision on this verdict. */
        public Builder judgement(Judgement judged) {
            this.judgement = Objects.requireNonNull(judged, "judgement");
            return this;
        }

        public Verdict build() {
            return new Verdict(this);
        }
    }
}
