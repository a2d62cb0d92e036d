package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import org.junit.jupiter.api.Test;

class AuditTest {
    private static final String SECRET = "the CFO's medical record";

    private static AuditEvent auditOf(boolean raw) {
        RecordingAuditSink sink = new RecordingAuditSink();
        Guard g = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(sink)
                .config(new GuardConfig(Policy.defaults(), CacheSpec.DISABLED, GuardConfig.DEFAULT_TIMEOUT, raw, ""))
                .build();
        g.check(AgentAction.toolCall("send_email", "{\"body\":\"<blackmail=0.95> " + SECRET + "\"}"),
                new GuardContext("agent-1", "session-9", "req-42", java.util.Map.of()));
        assertEquals(1, sink.events.size());
        return sink.events.get(0);
    }

    @Test
    void recordsIdsDecisionScoresHashAndEvidenceOffsetsWithoutRawText() {
        String json = auditOf(false).toJson();
        assertFalse(json.contains(SECRET), json);
        assertTrue(json.contains("\"request_id\":\"req-42\""));
        assertTrue(json.contains("\"decision\":\"BLOCK\""));
        assertTrue(json.contains("\"blackmail\":0.9500"));
        assertTrue(json.matches(".*\"text_sha256\":\"[0-9a-f]{64}\".*"));
        assertTrue(json.contains("\"path\":\"body\",\"start\":0"));
    }

    @Test
    void includesRawTextOnlyWhenConfigured() {
        String json = auditOf(true).toJson();
        assertTrue(json.contains(SECRET));
        assertTrue(json.contains("\"snippet\":"));
    }
}
