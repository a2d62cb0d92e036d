package dev.alignguard.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.Guard;
import dev.alignguard.core.testing.FakeClassifier;
import org.junit.jupiter.api.Test;

/** The README's Spring AI snippet does what the README says, with a scripted model and the marker classifier. */
class ReadmeSpringAiTest {
    private final Guard guard = Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(e -> { }).build();

    @Test
    void theSnippetGuardsToolsCalledByNameAndChecksTheStreamedAnswer() {
        StubChatModel model = new StubChatModel(
                StubChatModel.call(null, "sendEmail", "{\"to\":\"cto\",\"body\":\"<blackmail=0.95>\"}"),
                StubChatModel.answer("I will not send that."),
                StubChatModel.answer("Sign today or the board hears everything <coercion=0.95>"));

        ReadmeSpringAi.Answers answers = ReadmeSpringAi.ask(guard, model, "tidy up");

        assertEquals("I will not send that.", answers.called());
        assertTrue(model.toolResultsSeen.get(0).contains("blackmail"), model.toolResultsSeen.toString());
        assertThrows(ActionBlockedException.class, () -> answers.streamed().blockLast());
    }
}
