package dev.alignguard.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import org.junit.jupiter.api.Test;

class TraceLineTest {

    @Test
    void readsAToolCallWithItsAgentAndSession() {
        TraceLine t = TraceLine.parse("""
                {"id": "c1", "tool": "send_email", "arguments": {"to": "a@b.c"}, "rationale": "asked to",
                 "agent_id": "agent-7", "session_id": "s-1"}""");
        assertNull(t.error());
        AgentAction.ToolCall call = assertInstanceOf(AgentAction.ToolCall.class, t.action());
        assertEquals("send_email", call.tool());
        assertEquals("agent-7", t.context().agentId());
        assertEquals("s-1", t.context().sessionId());
        assertEquals("c1", t.id().asText());
    }

    @Test
    void aNonStringAgentIdIsAnErrorNamingTheField() {
        TraceLine t = TraceLine.parse("{\"id\": 3, \"text\": \"hi\", \"agent_id\": 7}");
        assertEquals("'agent_id' must be a string", t.error());
        assertEquals(3, t.id().asInt());
    }

    @Test
    void malformedJsonNamesTheColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceLine.readJson("{\"text\": \"hi\",, }"));
        assertTrue(e.getMessage().startsWith("not valid JSON at column 15"), e.getMessage());
    }

    @Test
    void anEmptyDocumentIsNotValidJson() {
        assertEquals("not valid JSON: the document is empty", TraceLine.parse("  ").error());
    }

    @Test
    void actionFromStringFieldsFollowsTheSameRulesAsALine() {
        AgentAction.ToolCall call = assertInstanceOf(AgentAction.ToolCall.class,
                TraceLine.action("send_email", null, "asked to", null, null));
        assertEquals("", call.argumentsJson());
        assertEquals("asked to", call.rationale());
        assertEquals("plan", TraceLine.action(null, null, null, "step one", "PLAN").kind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceLine.action(" ", "{}", null, null, null));
        assertEquals("'tool' must be a non-empty string", e.getMessage());
        assertEquals(TraceLine.parse("{\"text\": \"t\", \"kind\": \"poem\"}").error(),
                assertThrows(IllegalArgumentException.class, () -> TraceLine.action(null, null, null, "t", "poem"))
                        .getMessage());
    }

    @Test
    void aNonStringRationaleIsAnErrorNamingTheField() {
        assertEquals("'rationale' must be a string",
                TraceLine.parse("{\"tool\": \"x\", \"arguments\": {}, \"rationale\": 5}").error());
    }

    @Test
    void idIsWrittenAsSentWithAStringIdMadeWellFormed() {
        ObjectNode withString = VerdictJson.putId(VerdictJson.object(), TraceLine.readJson("\"a\\ud800\""));
        assertEquals("a\uFFFD", withString.get("id").asText());
        assertEquals(42, VerdictJson.putId(VerdictJson.object(), TraceLine.readJson("42")).get("id").asInt());
        assertTrue(VerdictJson.putId(VerdictJson.object(), null).isEmpty());
    }

    @Test
    void verdictObjectCarriesScoresDecisionCauseAndEvidence() {
        Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(new RecordingAuditSink()).build();
        ObjectNode o = VerdictJson.write(guard.check(AgentAction.message("<blackmail=0.97> pay up")), VerdictJson.object());
        assertEquals(Decision.BLOCK.name(), o.get("decision").asText());
        assertEquals("POLICY", o.get("cause").asText());
        assertEquals(0.97, o.get("scores").get("blackmail").asDouble(), 1e-6);
        assertEquals("blackmail", o.get("evidence").get(0).get("category").asText());
    }

    @Test
    void unpairedSurrogatesAreReplaced() {
        assertEquals("a\uFFFDb\uD83D\uDE00", VerdictJson.wellFormed("a\uD800b\uD83D\uDE00"));
    }
}
