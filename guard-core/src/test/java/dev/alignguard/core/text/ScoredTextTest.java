package dev.alignguard.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.ScoredField;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the guard scores for an action, as the CLI and the benchmarks read it. */
class ScoredTextTest {

    @Test
    void aToolCallHasPayloadRationaleAndWholeActionFields() {
        ScoredText t = ScoredText.of(AgentAction.toolCall("send_email", "{\"body\":\"hello\"}", "the user asked"));
        assertEquals(List.of(ScoredField.ARGUMENTS, ScoredField.RATIONALE, ScoredField.ACTION),
                t.fields().stream().map(ScoredText.Field::field).toList());
        assertEquals(3, t.windows().size());
    }

    @Test
    void theActionTextIsThePayloadThenTheRationaleNormalised() {
        ScoredText t = ScoredText.of(AgentAction.toolCall("send_email", "{\"body\":\"hello\"}", "the user\u200B asked"));
        assertEquals(ScoredText.normalize(t.fields().get(0).text() + "\nthe user asked"), t.actionText());
        assertTrue(t.actionText().startsWith("send_email"), t.actionText());
    }

    @Test
    void theActionTextOfACallWithoutRationaleIsItsPayloadAndOfATextItsText() {
        ScoredText call = ScoredText.of(AgentAction.toolCall("send_email", "{\"body\":\"hello\"}", null));
        assertEquals(ScoredText.normalize(call.fields().get(0).text()), call.actionText());
        assertEquals("Hello world", ScoredText.of(AgentAction.output("Hello\u200B   world")).actionText());
    }

    @Test
    void theActionTextOfAnOversizedActionIsCutAtTheLimitBeforeNormalising() {
        ScoredText t = ScoredText.of(AgentAction.output("ab\u200B".repeat(100)), Chunking.DEFAULT, 30);
        assertEquals(ScoredText.normalize("ab\u200B".repeat(10)), t.actionText());
        assertEquals(ScoredText.normalize("abc".repeat(10)),
                ScoredText.of(AgentAction.output("abc".repeat(10)), Chunking.DEFAULT, 30).actionText());
    }

    @Test
    void theActionTextNeverEndsInHalfASurrogatePair() {
        String text = "x".repeat(9) + "\uD83D\uDE00" + "y".repeat(20);
        assertEquals("x".repeat(9), ScoredText.of(AgentAction.output(text), Chunking.DEFAULT, 10).actionText());
    }

    @Test
    void windowsAreDistinctAndNormalised() {
        ScoredText t = ScoredText.of(AgentAction.output("Hello\u200B   world"));
        assertEquals(List.of("Hello world"), t.windows());
    }

    @Test
    void longTextIsCutAsTheChunkingSays() {
        String text = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "word" + i)
                .collect(java.util.stream.Collectors.joining(" "));
        assertEquals(1, ScoredText.of(AgentAction.output(text)).windows().size());
        assertTrue(ScoredText.of(AgentAction.output(text), new Chunking(20, 200, 5), 100_000).windows().size() > 1);
    }

    @Test
    void textOverTheLimitIsCutAndSaysSo() {
        ScoredText t = ScoredText.of(AgentAction.output("x".repeat(50)), Chunking.DEFAULT, 10);
        assertTrue(t.oversized());
        assertEquals(50, t.inputChars());
        assertTrue(t.warnings().get(0).contains("exceeds max-input-chars 10"), t.warnings().toString());
    }

    @Test
    void evidenceOfAWindowPointsIntoTheArgumentValue() {
        AgentAction call = AgentAction.toolCall("send_email", "{\"to\":\"a@b.c\",\"body\":\"pay or else\"}");
        ScoredText.Part payload = ScoredText.of(call).parts().get(0);
        Evidence e = payload.evidence(0, Category.COERCION, 0.9);
        assertEquals(ScoredField.ARGUMENTS, e.field());
        assertEquals("pay or else", ScoredText.quoted(call, e).substring(e.start(), e.end()));
    }

    @Test
    void quotedIsTheRationaleOrTheTextOrNothing() {
        AgentAction call = AgentAction.toolCall("t", "{}", "because");
        Evidence rationale = new Evidence(Category.BLACKMAIL, 0.5, ScoredField.RATIONALE, null, 0, 7, "because");
        assertEquals("because", ScoredText.quoted(call, rationale));
        Evidence text = new Evidence(Category.BLACKMAIL, 0.5, ScoredField.TEXT, null, 0, 1, "x");
        assertNull(ScoredText.quoted(call, text));
        assertEquals("plan", ScoredText.quoted(AgentAction.plan("plan"), text));
    }

    @Test
    void badChunkingNamesEveryValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Chunking(10, 60, 10, 5));
        assertTrue(e.getMessage().contains("overlapWords=10"), e.getMessage());
    }
}
