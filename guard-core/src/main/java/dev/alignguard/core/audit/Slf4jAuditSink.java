package dev.alignguard.core.audit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The default sink: one structured line per decision on logger {@code dev.alignguard.audit} (INFO for
 * ALLOW, WARN otherwise), as JSON with ids, decision, scores, text hash and evidence offsets. Created with
 * no SLF4J provider on the class path, it says once on stderr that audit records would go nowhere.
 */
public final class Slf4jAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger("dev.alignguard.audit");
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    static final String NO_PROVIDER = "AlignGuard: no SLF4J provider on the class path, so the default audit sink "
            + "records nothing; add one (e.g. org.slf4j:slf4j-simple or logback-classic) or pass "
            + "Guard.builder().auditSink(...)";

    /** The sink on logger {@code dev.alignguard.audit}. */
    public Slf4jAuditSink() {
        if (discardsEverything(LoggerFactory.getILoggerFactory()) && WARNED.compareAndSet(false, true)) {
            System.err.println(NO_PROVIDER);
        }
    }

    /** Whether SLF4J fell back to its no-operation binding (no provider found). */
    static boolean discardsEverything(ILoggerFactory factory) {
        return factory instanceof NOPLoggerFactory;
    }

    @Override
    public void record(AuditEvent event) {
        if (event.verdict().decision() == dev.alignguard.core.Decision.ALLOW) {
            if (LOG.isInfoEnabled()) {
                LOG.info(event.toJson());
            }
        } else if (LOG.isWarnEnabled()) {
            LOG.warn(event.toJson());
        }
    }
}
