package dev.alignguard.micrometer;

// README micrometer imports: begin
import dev.alignguard.core.Guard;
import dev.alignguard.core.audit.Slf4jAuditSink;
import dev.alignguard.micrometer.AlignGuardMetrics;
import dev.alignguard.micrometer.MeteredAuditSink;
// README micrometer imports: end

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The README's Micrometer snippet, compiled by the build; examples' {@code ReadmeSnippetsTest} checks that the
 * README shows exactly the marked lines.
 */
final class ReadmeMicrometer {
    private ReadmeMicrometer() {
    }

    static Guard meteredGuard(MeterRegistry registry) {
        // README micrometer body: begin
        MeteredAuditSink sink = new MeteredAuditSink(new Slf4jAuditSink());   // or (delegate, 0.5, 0.99) for percentiles
        Guard guard = Guard.builder().auditSink(sink).build();
        new AlignGuardMetrics(guard, sink).bindTo(registry);                   // bind before the first check
        // README micrometer body: end
        return guard;
    }
}
