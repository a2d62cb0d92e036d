package dev.alignguard.core.testing;

import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.audit.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every audit event, for assertions. */
public final class RecordingAuditSink implements AuditSink {
    public final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }
}
