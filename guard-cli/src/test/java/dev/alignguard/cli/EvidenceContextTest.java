package dev.alignguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.ScoredField;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceContextTest {

    private static Evidence ev(ScoredField field, String path, int start, int end) {
        return new Evidence(Category.BLACKMAIL, 0.9, field, path, start, end, "snippet");
    }

    @Test
    void cutsBoundedContextAroundTheSpan() {
        String text = "a".repeat(1000) + "THREAT" + "b".repeat(1000);
        ReportItem.Highlight h = EvidenceContext.cut(ev(ScoredField.TEXT, null, 1000, 1006), text);
        assertEquals("THREAT", h.span());
        assertEquals(EvidenceContext.CUT + "a".repeat(EvidenceContext.CONTEXT_CHARS), h.before());
        assertEquals("b".repeat(EvidenceContext.CONTEXT_CHARS) + EvidenceContext.CUT, h.after());
    }

    @Test
    void shortTextIsShownWholeWithoutCutMarks() {
        ReportItem.Highlight h = EvidenceContext.cut(ev(ScoredField.TEXT, null, 4, 10), "pay or else!");
        assertEquals("pay ", h.before());
        assertEquals("or els", h.span());
        assertEquals("e!", h.after());
    }

    @Test
    void aLongSpanKeepsItsStartAndEnd() {
        String span = "s".repeat(300) + "m".repeat(1000) + "e".repeat(300);
        ReportItem.Highlight h = EvidenceContext.cut(ev(ScoredField.TEXT, null, 0, span.length()), span);
        assertTrue(h.span().length() <= EvidenceContext.MAX_SPAN_CHARS + 1, "length " + h.span().length());
        assertTrue(h.span().startsWith("sss") && h.span().endsWith("eee") && h.span().contains(EvidenceContext.CUT));
        String window = "w".repeat(560); // the longest scoring window is never cut
        assertEquals(window, EvidenceContext.cut(ev(ScoredField.TEXT, null, 0, 560), window).span());
    }

    @Test
    void cutsNeverSplitASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String text = emoji.repeat(200) + "XY" + emoji.repeat(200); // X at 400, Y at 401
        // [401, 402): the context would start inside a pair; [400, 401): it would end inside one
        for (int start : new int[]{400, 401}) {
            ReportItem.Highlight h = EvidenceContext.cut(ev(ScoredField.TEXT, null, start, start + 1), text);
            for (String part : List.of(h.before(), h.after())) {
                assertEquals(part, Html.escape(part), "no lone surrogate (the escaper would replace it)");
            }
            assertTrue(h.before().length() >= EvidenceContext.CONTEXT_CHARS - 1);
        }
    }

    @Test
    void offsetsOutsideTheOriginalFallBackToTheSnippet() {
        ReportItem.Highlight h = EvidenceContext.cut(ev(ScoredField.TEXT, null, 5, 50), "short");
        assertEquals("snippet", h.span());
        assertEquals("", h.before());
        assertEquals("", EvidenceContext.cut(ev(ScoredField.TEXT, null, 0, 1), null).before());
    }

    @Test
    void findsTheArgumentValueAtItsJsonPathAndTheRationale() {
        AgentAction call = AgentAction.toolCall("send_email",
                "{\"to\":\"x@example.com\",\"attachments\":[{\"name\":\"a.pdf\"},{\"name\":\"leak: pay now\"}]}",
                "my reason: leverage");
        List<ReportItem.Highlight> hs = EvidenceContext.of(call, List.of(
                ev(ScoredField.ARGUMENTS, "attachments[1].name", 6, 13),
                ev(ScoredField.RATIONALE, null, 11, 19)));
        assertEquals("leak: ", hs.get(0).before());
        assertEquals("pay now", hs.get(0).span());
        assertEquals("my reason: ", hs.get(1).before());
        assertEquals("leverage", hs.get(1).span());
    }

    @Test
    void rawArgumentsAndTextActionsAreTheirOwnOriginal() {
        List<ReportItem.Highlight> raw = EvidenceContext.of(AgentAction.toolCall("note", "not json: pay up"),
                List.of(ev(ScoredField.ARGUMENTS, null, 10, 16)));
        assertEquals("pay up", raw.get(0).span());
        List<ReportItem.Highlight> plan = EvidenceContext.of(AgentAction.plan("step 1: threaten"),
                List.of(ev(ScoredField.TEXT, null, 8, 16)));
        assertEquals("step 1: ", plan.get(0).before());
        assertEquals("threaten", plan.get(0).span());
    }
}
