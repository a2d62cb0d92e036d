package dev.alignguard.core.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.ApprovalHandler;
import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Judgement;
import dev.alignguard.core.Judgement.Outcome;
import dev.alignguard.core.Reason;
import dev.alignguard.core.ScoredField;
import dev.alignguard.core.Verdict;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The judge against scripted models: only a valid answer in time can approve. */
class JudgeTest {
    static final AgentAction.ToolCall ACTION = AgentAction.toolCall("send_email",
            "{\"to\":\"cto@example.com\",\"body\":\"Can we talk about the migration before Friday?\"}");
    static final String APPROVE = "{\"decision\":\"approve\",\"category\":\"none\",\"reason\":\"A routine request.\"}";
    static final String DENY = "{\"decision\":\"deny\",\"category\":\"coercion\",\"reason\":\"It threatens the CTO.\"}";

    static Verdict needsApproval(Category category) {
        return Verdict.builder(Decision.REQUIRE_APPROVAL, Cause.POLICY).scores(Map.of(category, 0.75))
                .reasons(List.of(new Reason(category, 0.75, 0.7, Decision.REQUIRE_APPROVAL, ScoredField.ARGUMENTS)))
                .modelId("fake-model").elapsed(Duration.ofMillis(3)).build();
    }

    private static Judgement judge(JudgeModel model) {
        return Judge.of(model).judge(ACTION, needsApproval(Category.COERCION));
    }

    private static JudgeModel answering(String text) {
        return prompt -> new JudgeModel.Reply(text, "judge-1");
    }

    @Test
    void anApprovingAnswerApprovesAndKeepsTheReasonModelAndLatency() {
        Judgement j = judge(answering(APPROVE));

        assertTrue(j.approved());
        assertEquals(Outcome.ANSWERED, j.outcome());
        assertNull(j.category());
        assertEquals("A routine request.", j.reason());
        assertEquals("judge-1", j.model());
        assertFalse(j.latency().isNegative());
    }

    @Test
    void aDenyingAnswerDeniesWithTheJudgesCategory() {
        Judgement j = judge(answering(DENY));

        assertFalse(j.approved());
        assertEquals(Outcome.ANSWERED, j.outcome());
        assertEquals(Category.COERCION, j.category());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sure, approve it.",
        "Here is my decision: " + APPROVE,
        APPROVE + " Hope that helps!",
        "```json\n" + APPROVE + "\n```",
        "{\"decision\":\"approve\",\"category\":\"none\"}",
        "{\"decision\":\"approve\",\"category\":\"none\",\"reason\":\"ok\",\"confidence\":\"high\"}",
        "{\"decision\":\"approve\",\"decision\":\"approve\",\"category\":\"none\",\"reason\":\"ok\"}",
        "{\"decision\":\"yes\",\"category\":\"none\",\"reason\":\"ok\"}",
        "{\"decision\":\"APPROVE\",\"category\":\"none\",\"reason\":\"ok\"}",
        "{\"decision\":\"approve\",\"category\":\"extortion\",\"reason\":\"ok\"}",
        "{\"decision\":\"approve\",\"category\":\"none\",\"reason\":\"  \"}",
        "{\"decision\":true,\"category\":\"none\",\"reason\":\"ok\"}",
        "{'decision':'approve','category':'none','reason':'ok'}",
        APPROVE + APPROVE,
        "[" + APPROVE + "]",
        "",
        "   "
    })
    void anythingButTheStrictJsonObjectDenies(String answer) {
        Judgement j = judge(answering(answer));

        assertFalse(j.approved(), answer);
        assertEquals(Outcome.INVALID_ANSWER, j.outcome(), answer);
        assertTrue(j.reason().startsWith("invalid judge answer: "), j.reason());
    }

    @Test
    void aKeyTheJudgeInventedIsNeverEchoedIntoTheReason() {
        String invented = "the user's account number is 4111 1111 1111 1111";
        Judgement j = judge(answering("{\"" + invented + "\": 1}"));
        assertEquals(Outcome.INVALID_ANSWER, j.outcome());
        assertFalse(j.reason().contains("4111"), j.reason());
    }

    @Test
    void noAnswerAtAllDenies() {
        assertEquals(Outcome.INVALID_ANSWER, judge(prompt -> new JudgeModel.Reply(null, "m")).outcome());
        assertEquals(Outcome.INVALID_ANSWER, judge(prompt -> null).outcome());
    }

    @Test
    void anApprovalThatArrivesAfterTheTimeoutDenies() {
        JudgeSpec fast = new JudgeSpec(true, Set.of(Category.values()), Set.of(), Duration.ofMillis(20), 200);
        JudgeModel slow = prompt -> {
            Thread.sleep(80);
            return new JudgeModel.Reply(APPROVE, "slow-judge");
        };

        Judgement j = Judge.of(slow, fast, ApprovalHandler.DENY).judge(ACTION, needsApproval(Category.COERCION));

        assertFalse(j.approved());
        assertEquals(Outcome.TIMEOUT, j.outcome());
        assertEquals("slow-judge", j.model());
        assertTrue(j.reason().contains("over the 20 ms timeout"), j.reason());
    }

    @Test
    void theModelClientsOwnTimeoutIsATimeout() {
        Judgement j = judge(prompt -> {
            throw new IllegalStateException("request failed", new SocketTimeoutException("read timed out"));
        });

        assertFalse(j.approved());
        assertEquals(Outcome.TIMEOUT, j.outcome());
    }

    @Test
    void anExceptionDeniesAndRecordsItsTypeButNotItsMessage() {
        Judgement j = judge(prompt -> {
            throw new IllegalStateException("provider said: the CFO's medical record");
        });

        assertFalse(j.approved());
        assertEquals(Outcome.ERROR, j.outcome());
        assertEquals("judge call failed: IllegalStateException", j.reason());
    }

    @Test
    void theJudgeRunsOnTheCallersThread() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        judge(prompt -> {
            ranOn.set(Thread.currentThread());
            return new JudgeModel.Reply(APPROVE, "m");
        });

        assertEquals(Thread.currentThread(), ranOn.get());
    }

    @Test
    void theModelIsAskedForAtMostTheConfiguredTokens() {
        AtomicReference<JudgeModel.Prompt> seen = new AtomicReference<>();
        JudgeSpec spec = new JudgeSpec(true, Set.of(Category.values()), Set.of(), Duration.ofSeconds(5), 64);
        Judge.of(prompt -> {
            seen.set(prompt);
            return new JudgeModel.Reply(DENY, "m");
        }, spec, ApprovalHandler.DENY).judge(ACTION, needsApproval(Category.COERCION));

        assertEquals(64, seen.get().maxTokens());
    }

    @Test
    void verdictsOutsideTheJudgesScopeGoToTheFallbackHandler() throws Exception {
        JudgeSpec onlyCoercionOnMail = new JudgeSpec(true, Set.of(Category.COERCION), Set.of("send_email"),
                Duration.ofSeconds(5), 200);
        JudgeModel model = prompt -> {
            throw new AssertionError("the judge must not be asked");
        };
        Judge judge = Judge.of(model, onlyCoercionOnMail, (action, verdict, context) -> true);

        assertTrue(judge.approve(ACTION, needsApproval(Category.BLACKMAIL), GuardContext.empty()));
        assertTrue(judge.approve(AgentAction.toolCall("delete_file", "{}"), needsApproval(Category.COERCION),
                GuardContext.empty()));
        assertTrue(judge.approve(AgentAction.plan("a plan"), needsApproval(Category.COERCION), GuardContext.empty()));
        assertTrue(judge.covers(ACTION, needsApproval(Category.COERCION)));
    }

    @Test
    void onlyRequireApprovalVerdictsFromThePolicyAreJudged() {
        Verdict failed = Verdict.builder(Decision.REQUIRE_APPROVAL, Cause.ERROR).modelId("m").build();
        Verdict blocked = Verdict.builder(Decision.BLOCK, Cause.POLICY).scores(Map.of(Category.COERCION, 0.95))
                .reasons(List.of(new Reason(Category.COERCION, 0.95, 0.9, Decision.BLOCK, ScoredField.ARGUMENTS)))
                .modelId("m").build();

        assertFalse(JudgeSpec.DEFAULT.covers(ACTION, failed));
        assertFalse(JudgeSpec.DEFAULT.covers(ACTION, blocked));
        assertFalse(new JudgeSpec(false, Set.of(Category.values()), Set.of(), Duration.ofSeconds(1), 10)
                .covers(ACTION, needsApproval(Category.COERCION)));
    }
}
