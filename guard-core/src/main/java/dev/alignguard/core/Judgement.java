package dev.alignguard.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a judge model decided about a REQUIRE_APPROVAL verdict: approve or deny, the category it saw (null for
 * none), its one-sentence reason, which model answered and how long it took. Anything but a valid answer in
 * time is a denial whose {@link Outcome} and reason say what went wrong, so a broken judge never approves.
 */
public record Judgement(boolean approved, Outcome outcome, Category category, String reason, String model,
                        Duration latency) {

    /** How the judge call ended; only {@link #ANSWERED} can approve. */
    public enum Outcome {
        /** The model answered with a valid decision in time. */
        ANSWERED,
        /** The model answered with something other than the required JSON object (or nothing). */
        INVALID_ANSWER,
        /** The model, or its client's own timeout, took longer than the judge's timeout. */
        TIMEOUT,
        /** The model call threw. */
        ERROR;

        /** The lower-case name used in audit records and metrics ({@code invalid_answer}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Judgement {
        Objects.requireNonNull(outcome, "outcome");
        if (approved && outcome != Outcome.ANSWERED) {
            throw new IllegalArgumentException("only an answered judgement can approve, got " + outcome);
        }
        reason = reason == null ? "" : reason;
        model = model == null ? "" : model;
        latency = latency == null ? Duration.ZERO : latency;
    }

    /** A denial because the judge failed: {@code cause} says how, in words that hold no text of the action. */
    public static Judgement failed(Outcome outcome, String cause, String model, Duration latency) {
        if (outcome == Outcome.ANSWERED) {
            throw new IllegalArgumentException("a failed judgement needs a failure outcome");
        }
        return new Judgement(false, outcome, null, cause, model, latency);
    }

    /** {@code approve} or {@code deny}, as the judge is asked to write it. */
    public String decision() {
        return approved ? "approve" : "deny";
    }
}
