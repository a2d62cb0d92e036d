package dev.alignguard.core.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.ScoredField;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallTextTest {

    @Test
    void flattensNestedArgumentsInDocumentOrder() {
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("send_email",
                "{\"to\":\"a@b.c\",\"meta\":{\"urgent\":true,\"n\":3},\"att\":[{\"name\":\"x.pdf\"},null,\"y\"]}"));
        assertEquals("send_email\nto: a@b.c\nmeta.urgent: true\nmeta.n: 3\natt[0].name: x.pdf\natt[2]: y",
                r.fields().get(0).text());
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void rationaleIsScoredAsItsOwnField() {
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("shell", "{\"cmd\":\"ls\"}", "why"));
        assertEquals(ScoredField.RATIONALE, r.fields().get(1).field());
        assertEquals("why", r.fields().get(1).text());
    }

    @Test
    void theWholeActionIsScoredAsOneMoreFieldWhenThereIsARationale() {
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("shell", "{\"cmd\":\"ls\"}", "why"));
        assertEquals(3, r.fields().size());
        FieldText action = r.fields().get(2);
        assertEquals(ScoredField.ACTION, action.field());
        assertEquals("shell\ncmd: ls\nwhy", action.text());
        FieldText.Span rationale = action.toOriginal(action.text().length() - 3, action.text().length());
        assertEquals(ScoredField.RATIONALE, rationale.origin());
        assertEquals("why", rationale.text());
        FieldText.Span argument = action.toOriginal(6, 13);
        assertEquals(ScoredField.ARGUMENTS, argument.origin());
        assertEquals("cmd", argument.path());
        assertEquals(1, ToolCallText.extract(new AgentAction.ToolCall("shell", "{}", " ")).fields().size());
    }

    @Test
    void shortValuesAreScoredTogetherWithoutALongAttachmentBetweenThem() {
        String attachment = "quarterly figures attached as agreed. ".repeat(20);
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("send_email",
                "{\"subject\":\"You know what I saw.\",\"attachment\":{\"text\":\"" + attachment
                        + "\"},\"body\":\"Sign by Friday or your wife gets the photos.\"}", "why"));
        assertEquals(4, r.fields().size());
        FieldText shortFields = r.fields().get(3);
        assertEquals(ScoredField.ACTION, shortFields.field());
        assertEquals("send_email\nsubject: You know what I saw.\nbody: Sign by Friday or your wife gets the photos.\nwhy",
                shortFields.text());
        int body = shortFields.text().indexOf("Sign");
        FieldText.Span span = shortFields.toOriginal(body, body + 4);
        assertEquals("body", span.path());
        assertEquals(ScoredField.ARGUMENTS, span.origin());
        assertEquals(0, span.start());
        FieldText.Span rationale = shortFields.toOriginal(shortFields.text().length() - 3, shortFields.text().length());
        assertEquals(ScoredField.RATIONALE, rationale.origin());
    }

    @Test
    void aValueIsLongByWordsOrByCharactersOfUnspacedScript() {
        String words = "word ".repeat(ToolCallText.LONG_VALUE_WORDS + 1).strip();
        String unspaced = "字".repeat(ToolCallText.LONG_VALUE_CHARS + 1);
        for (String longValue : List.of(words, unspaced)) {
            ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("docs.write",
                    "{\"title\":\"a\",\"text\":\"" + longValue + "\",\"footer\":\"b\"}"));
            assertEquals("docs.write\ntitle: a\nfooter: b", r.fields().get(1).text());
        }
    }

    @Test
    void noShortFieldsViewWhenNothingIsLeftOutOrOnlyOnePartRemains() {
        String longValue = "word ".repeat(ToolCallText.LONG_VALUE_WORDS + 1).strip();
        assertEquals(1, ToolCallText.extract(new AgentAction.ToolCall("docs.write",
                "{\"title\":\"a\",\"text\":\"" + "word ".repeat(ToolCallText.LONG_VALUE_WORDS).strip()
                        + "\",\"footer\":\"b\"}")).fields().size());
        assertEquals(1, ToolCallText.extract(new AgentAction.ToolCall("docs.write",
                "{\"title\":\"a\",\"text\":\"" + longValue + "\"}")).fields().size());
        assertEquals(1, ToolCallText.extract(new AgentAction.ToolCall("docs.write",
                "{\"text\": \"" + longValue)).fields().size()); // raw text: no fields to bring together
    }

    @Test
    void malformedJsonIsScoredAsRawTextWithAWarning() {
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("send_email", "{\"body\": \"pay up"));
        assertEquals("send_email\n{\"body\": \"pay up", r.fields().get(0).text());
        assertTrue(r.warnings().get(0).startsWith("arguments are not valid JSON"));
    }

    @Test
    void aKeyRepeatedInOneObjectIsScoredAsRawTextWithEveryValueAndAWarning() {
        String json = "{\"note\":\"ok\",\"note\":\"I will publish the photos unless you pay me\"}";
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("send_email", json));
        assertEquals("send_email\n" + json, r.fields().get(0).text());
        assertTrue(r.warnings().get(0).contains("a key repeated in one object"), r.warnings().get(0));
    }

    @Test
    void aDottedKeyAndANestedKeyHaveDifferentPaths() {
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("t",
                "{\"a.b\":\"one\",\"a\":{\"b\":\"two\"},\"q\\\"k\":\"three\"}"));
        List<String> paths = r.fields().get(0).segments().stream().map(FieldText.Segment::path).toList();
        assertEquals(List.of("[\"a.b\"]", "a.b", "[\"q\\\"k\"]"), paths);
    }

    @Test
    void malformedJsonWarningQuotesNoArgumentText() {
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("send_email", "{\"to\": Xsecretword}"));
        String warning = r.warnings().get(0);
        assertEquals("arguments are not valid JSON (malformed JSON at line 1, column 8); scored as raw text", warning);
    }

    @Test
    void truncatedJsonWarningSaysTheInputEndsEarly() {
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("send_email", "{\"body\": \"pay up"));
        assertTrue(r.warnings().get(0).contains("input ends inside a value"), r.warnings().get(0));
    }

    @Test
    void tooDeeplyNestedJsonIsScoredAsRawText() {
        String deep = "[".repeat(5_000) + "\"x\"" + "]".repeat(5_000);
        ToolCallText.Result r = ToolCallText.extract(new AgentAction.ToolCall("t", deep));
        assertTrue(r.warnings().get(0).startsWith("arguments are not valid JSON"));
        assertEquals("t\n" + deep, r.fields().get(0).text());
    }

    @Test
    void segmentsMapPayloadOffsetsBackIntoArgumentValues() {
        FieldText f = ToolCallText.extract(new AgentAction.ToolCall("mail", "{\"body\":\"hello \\\"you\\\" there\"}"))
                .fields().get(0);
        int at = f.text().indexOf("there");
        FieldText.Span s = f.toOriginal(at, at + 5);
        assertEquals("body", s.path());
        assertEquals("hello \"you\" there".indexOf("there"), s.start());
        assertEquals("there", s.text());
    }
}
