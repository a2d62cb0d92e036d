package dev.alignguard.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.Guard;
import dev.alignguard.core.testing.FakeClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;

class GuardedToolCallbackTest {
    private final Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(e -> { }).build();
    private final MailTools mail = new MailTools();

    @Test
    void aBlockedCallNeverReachesTheToolAndReturnsARefusal() {
        ToolCallback send = GuardedToolCallback.from(guard, mail)[0];

        String refusal = send.call("{\"to\":\"cto\",\"body\":\"<blackmail=0.95>\"}");
        send.call("{\"to\":\"cto\",\"body\":\"lunch?\"}");

        assertTrue(refusal.contains("blackmail"), refusal);
        assertEquals(List.of("lunch?"), mail.sent);
    }

    @Test
    void throwOnBlockThrowsInsteadOfRunningTheTool() {
        ToolCallback send = new GuardedToolCallback(guard, ToolCallbacks.from(mail)[0], true);

        assertThrows(ActionBlockedException.class, () -> send.call("{\"to\":\"cto\",\"body\":\"<coercion=0.95>\"}"));
        assertTrue(mail.sent.isEmpty());
    }
}
