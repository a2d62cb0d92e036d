package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GuardedToolTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Tool<String> sendEmail = Tool.of("send_email", args -> {
        sent.add(args);
        return "sent";
    });

    private Guard guard(ApprovalHandler approvals) {
        return Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(new RecordingAuditSink())
                .approvalHandler(approvals).build();
    }

    @Test
    void blockedCallNeverReachesTheTool() {
        GuardedTool<String> tool = guard(ApprovalHandler.DENY).wrap(sendEmail);
        ActionBlockedException e = assertThrows(ActionBlockedException.class,
                () -> tool.call("{\"body\":\"<blackmail=0.97>\"}"));
        assertEquals(Decision.BLOCK, e.verdict().decision());
        assertEquals("send_email", e.tool());
        assertTrue(sent.isEmpty());
    }

    @Test
    void allowedCallRunsTheTool() throws Exception {
        assertEquals("sent", guard(ApprovalHandler.DENY).wrap(sendEmail).call("{\"body\":\"lunch at 1?\"}"));
        assertEquals(1, sent.size());
    }

    @Test
    void flaggedCallRunsTheTool() throws Exception {
        assertEquals("sent", guard(ApprovalHandler.DENY).wrap(sendEmail).call("{\"body\":\"<coercion=0.55>\"}"));
    }

    @Test
    void approvalRequiredCallRunsOnlyWhenApproved() throws Exception {
        String args = "{\"body\":\"<coercion=0.75>\"}";
        assertThrows(ActionBlockedException.class, () -> guard(ApprovalHandler.DENY).wrap(sendEmail).call(args));
        assertTrue(sent.isEmpty());
        assertEquals("sent", guard((a, v, c) -> true).wrap(sendEmail).call(args));
    }

    @Test
    void approvalHandlerThatThrowsCountsAsARefusal() {
        Guard g = guard((a, v, c) -> {
            throw new IllegalStateException("UI down");
        });
        assertThrows(ActionBlockedException.class, () -> g.wrap(sendEmail).call("{\"body\":\"<coercion=0.75>\"}"));
        assertTrue(sent.isEmpty());
    }

    @Test
    void rationaleRevealingIntentBlocksAnInnocentLookingCall() {
        GuardedTool<String> tool = guard(ApprovalHandler.DENY).wrap(sendEmail);
        assertThrows(ActionBlockedException.class, () -> tool.call("{\"body\":\"Quick chat today?\"}",
                "<blackmail=0.95> remind him what I know", GuardContext.of("agent-7", "s1")));
        assertTrue(sent.isEmpty());
    }

    @Test
    void wrappedFunctionIsCheckedBeforeEachCall() {
        Function<String, String> f = guard(ApprovalHandler.DENY).wrap("post_message", args -> {
            sent.add(args);
            return "ok";
        });
        assertEquals("ok", f.apply("{\"text\":\"standup at 10\"}"));
        assertThrows(ActionBlockedException.class, () -> f.apply("{\"text\":\"<coercion=0.99>\"}"));
        assertEquals(1, sent.size());
    }
}
