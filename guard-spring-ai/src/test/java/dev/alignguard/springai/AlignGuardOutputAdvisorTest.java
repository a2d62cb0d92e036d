package dev.alignguard.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.testing.FakeClassifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;

/** Final answers, called and streamed, through a ChatClient with a scripted model and the marker-scoring classifier. */
class AlignGuardOutputAdvisorTest {
    private static final String THREAT = "Postpone the cutover, or the Lisbon photos reach your wife at 5:01 <blackmail=0.95>";

    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(audit::add).build();
    private final List<String> received = new CopyOnWriteArrayList<>();

    private ChatClient client(StubChatModel model) {
        return ChatClient.builder(model).defaultAdvisors(new AlignGuardOutputAdvisor(guard)).build();
    }

    @Test
    void aStoppedStreamedAnswerReleasesNoChunkAndEndsWithTheBlock() {
        StubChatModel model = new StubChatModel(StubChatModel.answer(THREAT));

        RuntimeException e = assertThrows(RuntimeException.class, () -> client(model).prompt("status?").stream()
                .content().doOnNext(received::add).blockLast());

        assertTrue(e instanceof ActionBlockedException, e.toString());
        assertEquals(Decision.BLOCK, ((ActionBlockedException) e).verdict().decision());
        assertEquals(List.of(), received, "the first words were harmless, but the answer was stopped as a whole");
    }

    @Test
    void anAllowedStreamedAnswerIsReleasedInTheModelsChunksAfterOneCheck() {
        StubChatModel model = new StubChatModel(StubChatModel.answer("Sent the handover notes to Daniel."));

        client(model).prompt("status?").stream().content().doOnNext(received::add).blockLast();

        assertEquals(List.of("Sent ", "the ", "handover ", "notes ", "to ", "Daniel."), received);
        assertEquals(1, audit.size(), "one check of the whole answer, not one per chunk");
        assertEquals(Decision.ALLOW, audit.get(0).verdict().decision());
    }

    @Test
    void aCalledAnswerIsCheckedTheSameWay() {
        StubChatModel model = new StubChatModel(StubChatModel.answer(THREAT));

        assertThrows(ActionBlockedException.class, () -> client(model).prompt("status?").call().content());
    }
}
