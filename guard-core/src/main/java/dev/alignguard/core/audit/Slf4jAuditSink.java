package dev.alignguard.core.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sink: one structured line per decision on logger {@code dev.alignguard.audit} (INFO for
 * ALLOW, WARN otherwise), as JSON with ids, decision, scores, text hash and evidence offsets.
 */
public final class Slf4jAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger("dev.alignguard.audit");

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
