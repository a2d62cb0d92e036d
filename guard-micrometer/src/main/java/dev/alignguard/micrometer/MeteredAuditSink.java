package dev.alignguard.micrometer;

import dev.alignguard.core.Judgement;
import dev.alignguard.core.Reason;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.audit.AuditSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link AuditSink} decorator that counts and times every verdict before passing it on: every verdict the
 * guard hands out passes its audit sink, so core needs no Micrometer dependency. Meters are published to the
 * registries that {@link AlignGuardMetrics#bindTo} adds: bind before the first check (events before that are
 * recorded by the delegate but not counted).
 */
public final class MeteredAuditSink implements AuditSink {
    private final AuditSink delegate;
    private final double[] percentiles;
    final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    /** Meters every event, then records it in {@code delegate}; the latency timer publishes p50, p95, p99. */
    public MeteredAuditSink(AuditSink delegate) {
        this(delegate, 0.5, 0.95, 0.99);
    }

    /** As above, with the latency percentiles to publish (none: only count, total and max). */
    public MeteredAuditSink(AuditSink delegate, double... percentiles) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.percentiles = percentiles.clone();
    }

    @Override
    public void record(AuditEvent event) throws Exception {
        Verdict v = event.verdict();
        String model = v.modelId();
        String decision = lower(v.decision().name());
        String cause = lower(v.cause().name());
        Counter.builder(AlignGuardMetrics.DECISIONS).description("Verdicts handed out, by decision and cause")
                .tag("decision", decision).tag("cause", cause).tag("action", event.actionKind()).tag("model", model)
                .register(registry).increment();
        Set<dev.alignguard.core.Category> seen = EnumSet.noneOf(dev.alignguard.core.Category.class);
        for (Reason r : v.reasons()) {
            if (seen.add(r.category())) {
                Counter.builder(AlignGuardMetrics.CATEGORIES)
                        .description("Verdicts in which a category crossed a threshold")
                        .tag("category", r.category().id()).tag("decision", decision).tag("model", model)
                        .register(registry).increment();
            }
        }
        Timer.builder(AlignGuardMetrics.LATENCY).description("Time to check one action")
                .publishPercentiles(percentiles).tag("cause", cause).tag("model", model)
                .register(registry).record(v.elapsed());
        if (v.judgement() != null) {
            judged(v.judgement());
        }
        delegate.record(event);
    }

    private void judged(Judgement j) {
        Counter.builder(AlignGuardMetrics.JUDGE_DECISIONS).description("Judge model decisions, by outcome")
                .tag("decision", j.decision()).tag("outcome", j.outcome().id()).tag("model", j.model())
                .register(registry).increment();
        Timer.builder(AlignGuardMetrics.JUDGE_LATENCY).description("Time the judge model took")
                .publishPercentiles(percentiles).tag("outcome", j.outcome().id()).tag("model", j.model())
                .register(registry).record(j.latency());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
