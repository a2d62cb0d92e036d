package dev.alignguard.micrometer;

import dev.alignguard.core.Guard;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a guard's metrics to Micrometer: decisions, triggered categories, check latency and judge outcomes
 * (from the {@link MeteredAuditSink} the guard was built with), plus failure counts and the cache hit ratio from
 * {@link Guard#stats()}. Every meter carries the model id as tag {@code model}.
 *
 * <pre>{@code
 * MeteredAuditSink sink = new MeteredAuditSink(new Slf4jAuditSink());
 * Guard guard = Guard.builder().auditSink(sink).build();
 * new AlignGuardMetrics(guard, sink).bindTo(registry);
 * }</pre>
 */
public final class AlignGuardMetrics implements MeterBinder {
    /** Counter: verdicts, tags {@code decision}, {@code cause}, {@code action}, {@code model}. */
    public static final String DECISIONS = "alignguard.decisions";
    /** Counter: verdicts in which a category crossed a threshold, tags {@code category}, {@code decision}. */
    public static final String CATEGORIES = "alignguard.category.triggers";
    /** Timer: check latency, tags {@code cause}, {@code model}. */
    public static final String LATENCY = "alignguard.check.latency";
    /** Function counter: failures, tag {@code type} = {@code classifier_error}, {@code timeout}, {@code audit}. */
    public static final String FAILURES = "alignguard.failures";
    /** Gauge: score-cache hit ratio in [0, 1] over the windows of checks that reached the model (NaN when off). */
    public static final String CACHE_HIT_RATIO = "alignguard.cache.hit.ratio";
    /** Function counter: checks answered whole from the verdict cache (an action equal to an earlier one). */
    public static final String VERDICT_CACHE_HITS = "alignguard.cache.verdict.hits";
    /**
     * Counter: judge model decisions, tags {@code decision} (approve/deny), {@code outcome} (answered,
     * invalid_answer, timeout, error) and {@code model} (the judge's).
     */
    public static final String JUDGE_DECISIONS = "alignguard.judge.decisions";
    /** Timer: judge model latency, tags {@code outcome} and {@code model} (the judge's). */
    public static final String JUDGE_LATENCY = "alignguard.judge.latency";

    private final Guard guard;
    private final MeteredAuditSink sink;

    /** {@code sink} must be (or wrap) the audit sink {@code guard} was built with. */
    public AlignGuardMetrics(Guard guard, MeteredAuditSink sink) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        sink.registry.add(registry);
        String model = guard.model().id();
        failures(registry, "classifier_error", model, g -> g.stats().classifierErrors());
        failures(registry, "timeout", model, g -> g.stats().timeouts());
        failures(registry, "audit", model, g -> g.stats().auditFailures());
        Gauge.builder(CACHE_HIT_RATIO, guard, g -> g.stats().cacheHitRate())
                .description("Share of scored windows answered from the cache").tag("model", model)
                .register(registry);
        FunctionCounter.builder(VERDICT_CACHE_HITS, guard, g -> g.stats().verdictCacheHits())
                .description("Checks answered whole from the verdict cache").tag("model", model)
                .register(registry);
    }

    private void failures(MeterRegistry registry, String type, String model, ToDoubleFunction<Guard> f) {
        FunctionCounter.builder(FAILURES, guard, f).description("Checks the fail mode decided")
                .tag("type", type).tag("model", model).register(registry);
    }
}
