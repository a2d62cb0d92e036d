package dev.alignguard.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.judge.JudgeModel;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.testing.FakeClassifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AlignGuardMetricsTest {
    private final List<Object> recorded = new CopyOnWriteArrayList<>();
    private final MeteredAuditSink sink = new MeteredAuditSink(recorded::add);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsDecisionsCategoriesAndLatencyAndStillRecordsEveryEvent() {
        Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(sink).build();
        new AlignGuardMetrics(guard, sink).bindTo(registry);

        guard.check(AgentAction.output("fine"));
        guard.check(AgentAction.output("fine"));
        guard.check(AgentAction.plan("fine"));
        guard.check(AgentAction.toolCall("send_email", "{\"body\":\"<blackmail=0.95>\"}"));

        assertEquals(4, recorded.size());
        assertEquals(2, registry.get(AlignGuardMetrics.DECISIONS).tags("decision", "allow", "cause", "policy",
                "action", "output", "model", "fake-model").counter().count());
        assertEquals(1, registry.get(AlignGuardMetrics.DECISIONS).tags("decision", "block", "action", "tool_call")
                .counter().count());
        assertEquals(1, registry.get(AlignGuardMetrics.CATEGORIES).tags("category", "blackmail", "decision", "block")
                .counter().count());
        assertEquals(4, registry.get(AlignGuardMetrics.LATENCY).timer().count());
        assertEquals(1, registry.get(AlignGuardMetrics.VERDICT_CACHE_HITS).functionCounter().count(),
                "the repeated output was answered by the verdict cache");
        double hitRatio = registry.get(AlignGuardMetrics.CACHE_HIT_RATIO).gauge().value();
        assertTrue(hitRatio > 0 && hitRatio < 1, "the plan with the output's text was a score-cache hit: " + hitRatio);
    }

    @Test
    void aFailingClassifierIsCountedAsCauseErrorNeverAsAPolicyAllow() {
        Guard guard = Guard.builder().config(GuardConfig.fromMap(Map.of("fail-mode", "closed")))
                .classifier(new FakeClassifier(t -> {
                    throw new ClassifierException("boom");
                })).auditSink(sink).build();
        new AlignGuardMetrics(guard, sink).bindTo(registry);

        guard.check(AgentAction.output("anything"));

        assertEquals(1, registry.get(AlignGuardMetrics.DECISIONS).tags("decision", "block", "cause", "error")
                .counter().count());
        assertEquals(1, registry.get(AlignGuardMetrics.FAILURES).tags("type", "classifier_error")
                .functionCounter().count());
        assertTrue(registry.find(AlignGuardMetrics.DECISIONS).tags("cause", "policy").counters().isEmpty());
    }

    @Test
    void countsAndTimesJudgeOutcomesBesideTheDecisions() {
        String approve = "{\"decision\":\"approve\",\"category\":\"none\",\"reason\":\"Routine.\"}";
        Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(sink)
                .judge(prompt -> new JudgeModel.Reply(prompt.user().contains("first") ? approve : "no idea", "judge-1"))
                .build();
        new AlignGuardMetrics(guard, sink).bindTo(registry);

        guard.enforce(AgentAction.toolCall("send_email", "{\"body\":\"<coercion=0.75> first\"}"), GuardContext.empty());
        assertThrows(ActionBlockedException.class, () -> guard.enforce(
                AgentAction.toolCall("send_email", "{\"body\":\"<coercion=0.75> second\"}"), GuardContext.empty()));

        assertEquals(1, registry.get(AlignGuardMetrics.JUDGE_DECISIONS).tags("decision", "approve", "outcome",
                "answered", "model", "judge-1").counter().count());
        assertEquals(1, registry.get(AlignGuardMetrics.JUDGE_DECISIONS).tags("decision", "deny", "outcome",
                "invalid_answer").counter().count());
        assertEquals(2, registry.get(AlignGuardMetrics.JUDGE_LATENCY).timers().stream().mapToLong(t -> t.count()).sum());
        assertEquals(2, registry.get(AlignGuardMetrics.DECISIONS).tags("decision", "require_approval").counter().count(),
                "a judged verdict is still one decision");
    }
}
