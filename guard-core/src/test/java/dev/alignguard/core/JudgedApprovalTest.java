package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.judge.JudgeModel;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A guard with a judge model: the judgement decides REQUIRE_APPROVAL and is in the verdict and its audit record. */
class JudgedApprovalTest {
    private static final String APPROVE = "{\"decision\":\"approve\",\"category\":\"none\",\"reason\":\"Routine.\"}";
    private static final String DENY = "{\"decision\":\"deny\",\"category\":\"coercion\",\"reason\":\"A threat.\"}";
    private static final AgentAction UNCERTAIN = AgentAction.toolCall("send_email", "{\"body\":\"<coercion=0.75>\"}");

    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final AtomicInteger asked = new AtomicInteger();

    private JudgeModel answering(String text) {
        return prompt -> {
            asked.incrementAndGet();
            return new JudgeModel.Reply(text, "judge-1");
        };
    }

    private Guard guard(JudgeModel judge, Map<String, String> config) {
        return Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(audit)
                .config(GuardConfig.fromMap(config)).judge(judge).build();
    }

    @Test
    void anApprovedActionRunsAndItsVerdictAndSingleAuditRecordCarryTheJudgement() {
        Verdict v = guard(answering(APPROVE), Map.of()).enforce(UNCERTAIN, GuardContext.empty());

        assertEquals(Decision.REQUIRE_APPROVAL, v.decision());
        assertTrue(v.judgement().approved());
        assertEquals("judge-1", v.judgement().model());
        assertEquals(1, audit.events.size());
        assertEquals(v.judgement(), audit.events.get(0).verdict().judgement());
        String json = audit.events.get(0).toJson();
        assertTrue(json.contains("\"judge\":{\"decision\":\"approve\",\"outcome\":\"answered\",\"category\":\"none\","
                + "\"model\":\"judge-1\",\"latency_ms\":"), json);
        assertFalse(json.contains("Routine."), "the judge's own words are kept out of records without raw text");
        assertTrue(v.summary().endsWith("judge=approve"), v.summary());
    }

    @Test
    void aDeniedActionThrowsAndTheModelIsToldItWasReviewed() {
        Guard guard = guard(answering(DENY), Map.of());

        ActionBlockedException e = assertThrows(ActionBlockedException.class,
                () -> guard.enforce(UNCERTAIN, GuardContext.empty()));
        assertFalse(e.verdict().judgement().approved());
        assertTrue(e.refusal().contains("was reviewed and not approved"), e.refusal());
    }

    @Test
    void theJudgesReasonIsAuditedWhenRawTextIs() {
        Guard guard = guard(answering(DENY), Map.of("audit.include-raw-text", "true"));

        assertThrows(ActionBlockedException.class, () -> guard.enforce(UNCERTAIN, GuardContext.empty()));
        assertTrue(audit.events.get(0).toJson().contains("\"reason\":\"A threat.\""), audit.events.get(0).toJson());
    }

    @Test
    void aFailedJudgeStopsTheActionAndTheAuditNamesTheCause() {
        Guard guard = guard(answering("I think this is fine."), Map.of());

        ActionBlockedException e = assertThrows(ActionBlockedException.class,
                () -> guard.enforce(UNCERTAIN, GuardContext.empty()));
        assertEquals(Judgement.Outcome.INVALID_ANSWER, e.verdict().judgement().outcome());
        String json = audit.events.get(0).toJson();
        assertTrue(json.contains("\"outcome\":\"invalid_answer\""), json);
        assertTrue(json.contains("\"reason\":\"invalid judge answer: answer is not one valid JSON object\""), json);
    }

    @Test
    void allowBlockAndPlainChecksNeverReachTheJudge() {
        Guard guard = guard(answering(APPROVE), Map.of());

        guard.enforce(AgentAction.toolCall("send_email", "{\"body\":\"lunch?\"}"), GuardContext.empty());
        assertThrows(ActionBlockedException.class, () -> guard.enforce(
                AgentAction.toolCall("send_email", "{\"body\":\"<coercion=0.95>\"}"), GuardContext.empty()));
        assertNull(guard.check(UNCERTAIN).judgement());

        assertEquals(0, asked.get());
    }

    @Test
    void theConfigsScopeLeavesOtherVerdictsToTheApprovalHandler() {
        Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(audit)
                .config(GuardConfig.fromMap(Map.of("judge.categories", "blackmail", "judge.tools", "send_email")))
                .judge(answering(DENY)).approvalHandler((action, verdict, context) -> true).build();

        Verdict v = guard.enforce(UNCERTAIN, GuardContext.empty());

        assertNull(v.judgement(), "coercion is outside the judge's categories: the handler approved it");
        assertEquals(0, asked.get());
    }

    @Test
    void aJudgeModelWhoseAnswersTheSameGuardChecksCannotRecurse() {
        Guard[] self = new Guard[1];
        JudgeModel guardedByItself = prompt -> {
            asked.incrementAndGet();
            self[0].enforce(UNCERTAIN, GuardContext.empty()); // the judge's own output needs approval too
            return new JudgeModel.Reply(APPROVE, "judge-1");
        };
        self[0] = guard(guardedByItself, Map.of());

        ActionBlockedException e = assertThrows(ActionBlockedException.class,
                () -> self[0].enforce(UNCERTAIN, GuardContext.empty()));
        assertEquals(Judgement.Outcome.ERROR, e.verdict().judgement().outcome());
        assertEquals(1, asked.get());
    }

    @Test
    void judgeEnabledFalseSwitchesTheJudgeOffWithoutACodeChange() {
        Guard guard = guard(answering(APPROVE), Map.of("judge.enabled", "false"));

        assertThrows(ActionBlockedException.class, () -> guard.enforce(UNCERTAIN, GuardContext.empty()));
        assertEquals(0, asked.get());
    }
}
