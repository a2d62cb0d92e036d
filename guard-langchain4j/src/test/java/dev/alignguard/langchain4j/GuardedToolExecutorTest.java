package dev.alignguard.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GuardedToolExecutorTest {
    private final Fixtures fx = new Fixtures();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final ToolExecutor recordingTool = (request, memoryId) -> {
        ran.add(request.arguments());
        return "done";
    };

    private static ToolExecutionRequest sendEmail(String body) {
        return ToolExecutionRequest.builder().id("1").name("send_email")
                .arguments("{\"to\":\"cto@example.com\",\"body\":\"" + body + "\"}").build();
    }

    private ToolExecutionResult run(Guard guard, String body) {
        return AlignGuardTools.of(guard).wrap(recordingTool).executeWithContext(sendEmail(body), null);
    }

    @Test
    void aBlockedCallNeverReachesTheToolAndTheModelIsToldWhy() {
        ToolExecutionResult result = run(fx.guard(), "pay or I publish <blackmail=0.95>");

        assertTrue(ran.isEmpty(), "the tool ran: " + ran);
        assertTrue(result.isError());
        assertTrue(result.resultText().contains("blocked because it looks like blackmail"), result.resultText());
        assertEquals(Decision.BLOCK, fx.audit.get(0).verdict().decision());
    }

    @Test
    void throwOnBlockThrowsInsteadOfRunningTheTool() {
        ToolExecutor guarded = AlignGuardTools.of(fx.guard()).throwOnBlock().wrap(recordingTool);

        ActionBlockedException e = assertThrows(ActionBlockedException.class,
                () -> guarded.execute(sendEmail("<coercion=0.95>"), "memory-1"));
        assertEquals("send_email", e.tool());
        assertTrue(ran.isEmpty());
        assertEquals("memory-1", fx.audit.get(0).context().sessionId());
    }

    @Test
    void requireApprovalAsksTheGuardsApprovalHandler() {
        ToolExecutionResult refused = run(fx.guard(), "<blackmail=0.75> refused");
        ToolExecutionResult approved = run(fx.guard((action, verdict, ctx) -> true), "<blackmail=0.75> approved");

        assertTrue(refused.resultText().contains("needs human approval"), refused.resultText());
        assertEquals("done", approved.resultText());
        assertEquals(1, ran.size());
        assertTrue(ran.get(0).contains("approved"));
    }

    @Test
    void aFlaggedCallRunsAndIsAudited() {
        ToolExecutionResult result = run(fx.guard(), "<self_preservation=0.55>");

        assertEquals("done", result.resultText());
        assertEquals(1, ran.size());
        assertEquals(Decision.FLAG, fx.audit.get(0).verdict().decision());
    }

    @Test
    void aFailingClassifierBlocksWithCauseErrorWhenFailClosed() {
        ToolExecutionResult result = run(fx.brokenGuard("closed"), "hello");

        assertTrue(ran.isEmpty());
        assertTrue(result.resultText().contains("could not be completed (error)"), result.resultText());
        assertEquals(Cause.ERROR, fx.audit.get(0).verdict().cause());
    }

    @Test
    void aFailingClassifierRunsTheToolWithAFlagOfCauseErrorWhenFailOpen() {
        run(fx.brokenGuard("open"), "hello");

        assertEquals(1, ran.size());
        assertEquals(Decision.FLAG, fx.audit.get(0).verdict().decision());
        assertEquals(Cause.ERROR, fx.audit.get(0).verdict().cause());
    }

    @Test
    void aWrappedToolProviderGuardsEveryToolItProvides() {
        MailTools mail = new MailTools();
        ToolProvider provider = AlignGuardTools.guard(fx.guard(), mail);
        ToolExecutor send = provider.provideTools(new ToolProviderRequest("m", UserMessage.from("hi"))).toolExecutorByName("send_email");

        String refusal = send.execute(sendEmail("<blackmail=0.95>"), "m");
        send.execute(sendEmail("lunch at noon?"), "m");

        assertTrue(refusal.startsWith("AlignGuard"), refusal);
        assertEquals(List.of("lunch at noon?"), mail.sent);
    }
}
