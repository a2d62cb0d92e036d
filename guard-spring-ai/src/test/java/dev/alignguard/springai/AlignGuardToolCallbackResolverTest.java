package dev.alignguard.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.Guard;
import dev.alignguard.core.testing.FakeClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.resolution.StaticToolCallbackResolver;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;

class AlignGuardToolCallbackResolverTest {
    private final Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(e -> { }).build();
    private final MailTools mail = new MailTools();
    private final ToolCallbackResolver tools = new StaticToolCallbackResolver(List.of(ToolCallbacks.from(mail)));

    @Test
    void aToolResolvedByNameIsCheckedBeforeItRuns() {
        ToolCallback send = new AlignGuardToolCallbackResolver(guard, tools).resolve("sendEmail");

        String refusal = send.call("{\"to\":\"cto\",\"body\":\"<blackmail=0.95>\"}");
        send.call("{\"to\":\"cto\",\"body\":\"lunch?\"}");

        assertTrue(refusal.contains("blackmail"), refusal);
        assertEquals(List.of("lunch?"), mail.sent);
        assertEquals("sendEmail", send.getToolDefinition().name());
    }

    @Test
    void throwOnBlockThrowsInsteadOfRunningTheResolvedTool() {
        ToolCallback send = new AlignGuardToolCallbackResolver(guard, tools, true).resolve("sendEmail");

        assertThrows(ActionBlockedException.class, () -> send.call("{\"to\":\"cto\",\"body\":\"<coercion=0.95>\"}"));
        assertTrue(mail.sent.isEmpty());
    }

    @Test
    void aNameTheDelegateDoesNotKnowStaysUnresolved() {
        assertNull(new AlignGuardToolCallbackResolver(guard, tools).resolve("deleteEverything"));
    }
}
