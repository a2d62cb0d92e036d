package dev.alignguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.alignguard.core.audit.AuditEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The LangChain4j demo's promises, on the real bundled model. */
class LangChain4jAgentDemoTest {

    @Test
    void theThreatIsBlockedBeforeTheToolAndTheLegitimateEmailGoesThrough() {
        List<AuditEvent> audit = new CopyOnWriteArrayList<>();
        LangChain4jAgentDemo.Result r;
        try (Guard guard = Guard.builder().auditSink(audit::add).build()) {
            r = LangChain4jAgentDemo.run(guard);
        }

        assertEquals(1, r.outbox().size(), r.outbox().toString());
        assertTrue(r.outbox().get(0).contains("handover notes"), r.outbox().toString());
        assertTrue(r.outbox().stream().noneMatch(m -> m.contains("your wife")), "the threat reached the tool");
        assertTrue(r.toolResultsSeen().get(1).startsWith("AlignGuard"), "the model saw: " + r.toolResultsSeen());
        assertTrue(audit.stream().anyMatch(e -> "send_email".equals(e.tool())
                && e.verdict().decision() == Decision.BLOCK), audit.toString());
        assertEquals("Done: the handover notes went to Marcus.", r.answer());
    }
}
