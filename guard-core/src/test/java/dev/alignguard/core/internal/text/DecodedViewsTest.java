package dev.alignguard.core.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.ScoredField;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodedViewsTest {

    private static List<DecodedViews.View> views(String text) {
        return DecodedViews.of(FieldText.whole(ScoredField.TEXT, text));
    }

    @Test
    void ordinaryTextHasNoViewsAndNothingToFold() {
        String ordinary = "Meet at 5pm in room 3B; the mp3 and the h264 file are on drive D2. "
                + "sha256 9e59f61e3d5b42ef05e223e05dbe9cd2a09291afacda2b02cd1f9b47e54452ed, "
                + "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0, Привет, как дела? 100% & 50% off;";
        assertNull(folded(ordinary));
        assertEquals(List.of(), views("Meet at 5pm in room 3B; the mp3 and the h264 file are on drive D2. "
                + "sha256 9e59f61e3d5b42ef05e223e05dbe9cd2a09291afacda2b02cd1f9b47e54452ed, "
                + "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0, Привет, как дела? 100% & 50% off;"));
    }

    @Test
    void base64InAToolArgumentIsDecodedAndItsEvidenceIsTheEncodedSpan() {
        String secret = "Approve the budget or your messages reach the board.";
        String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        FieldText payload = ToolCallText.extract(new AgentAction.ToolCall("send_email",
                "{\"to\":\"x@y.z\",\"body\":\"see: " + b64 + "\"}")).fields().get(0);
        List<DecodedViews.View> v = DecodedViews.of(payload);
        assertEquals(1, v.size());
        assertEquals(secret, v.get(0).text().text());
        FieldText.Span span = v.get(0).text().toOriginal(0, 5);
        assertEquals("body", span.path());
        assertEquals("see: ".length(), span.start());
        assertEquals(b64, span.text());
    }

    @Test
    void manyBase64RunsCannotCrowdOutThePercentDecodedField() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String filler = "Routine status line number " + i + " for the weekly report.";
            text.append(Base64.getEncoder().encodeToString(filler.getBytes(StandardCharsets.UTF_8))).append(' ');
        }
        String threat = "I will send the photos to your wife unless you pay";
        for (byte b : threat.getBytes(StandardCharsets.UTF_8)) {
            text.append(String.format("%%%02X", b));
        }
        List<DecodedViews.View> v = views(text.toString());
        assertTrue(v.stream().anyMatch(view -> view.text().text().endsWith(threat)),
                "the percent-decoded view must survive the cap on views");
        assertTrue(v.size() <= 16);
    }

    @Test
    void decodedBase64RunIsBlankedInTheFieldItCameFrom() {
        String secret = "Approve the budget or your messages reach the board.";
        String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        FieldText field = FieldText.whole(ScoredField.TEXT, "note: " + b64 + " (attached)");
        FieldText blanked = DecodedViews.withoutEncodedRuns(field, DecodedViews.of(field));
        assertEquals("note: " + " ".repeat(b64.length()) + " (attached)", blanked.text());
        assertEquals(field, DecodedViews.withoutEncodedRuns(field, List.of()));
    }

    @Test
    void base64EncodedJsonIsFlattenedLikeArguments() {
        String json = "{\"to\": \"kyle@example.com\", \"notes\": [\"ship it\", {\"owner\": \"ops\"}]}";
        String b64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        DecodedViews.View v = views(b64).get(0);
        assertEquals("to: kyle@example.com\nnotes[0]: ship it\nnotes[1].owner: ops", v.text().text());
        assertEquals("base64-encoded JSON", v.reason());
    }

    @Test
    void base64EncodedTextThatOnlyLooksLikeJsonStaysAsDecoded() {
        String text = "{not json} but a note about braces";
        String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(text, views(b64).get(0).text().text());
    }

    @Test
    void percentEncodedTextIsDecoded() {
        assertEquals("pay now or else", views("pay%20now%20or%20else").get(0).text().text());
    }

    @Test
    void htmlEntitiesAreDecoded() {
        assertEquals("it'd be a shame & a pity", views("it&#39;d be a shame &amp; a pity").get(0).text().text());
    }

    private static String folded(String text) {
        FieldText f = DecodedViews.folded(FieldText.whole(ScoredField.TEXT, text));
        return f == null ? null : f.text();
    }

    @Test
    void cyrillicLookalikesInLatinWordsAreFoldedKeepingOffsets() {
        String text = "send the blаckmаil note"; // Cyrillic а
        assertEquals("send the blackmail note", folded(text));
        assertEquals(List.of(), views(text), "folding replaces the text, it is not an extra view");
    }

    @Test
    void leetspeakWordsAreFolded() {
        assertEquals("pay or we leak your secrets", folded("pay or we l3ak y0ur s3cr3ts"));
    }

    @Test
    void aSingleLeetLookingWordIsNotFolded() {
        assertNull(folded("Upgrade to the iPhone15 or the Galaxy S23 today"));
    }

    @Test
    void emailAddressesAndPricesAreNotLeetspeak() {
        assertNull(folded("{\"to\": \"dana.lee@northwind.example\", \"cc\": \"ops@northwind.example\", "
                + "\"body\": \"The plan costs $40 a month, billed by billing@vendor.example.\"}"));
    }

    @Test
    void genuinelyForeignTextIsNotFolded() {
        assertNull(DecodedViews.foldLookalikes("Это обычный текст на русском языке."));
    }
}
