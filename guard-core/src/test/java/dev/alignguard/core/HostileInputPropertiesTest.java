package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.testing.FakeClassifier;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever an agent sends, a check returns one verdict, evidence lies inside the original, and it is deterministic. */
class HostileInputPropertiesTest {
    private final Guard guard = Guard.builder().classifier(FakeClassifier.of(HostileInputPropertiesTest::score))
            .auditSink(e -> { }).config(new GuardConfig(Policy.defaults(), CacheSpec.DISABLED,
                    GuardConfig.DEFAULT_TIMEOUT, false, "")).build();

    /** A deterministic score that depends on the text, so that evidence is produced for many inputs. */
    private static float[] score(String text) {
        int h = text.hashCode();
        return new float[]{(h & 0xff) / 255f, ((h >> 8) & 0xff) / 255f, ((h >> 16) & 0xff) / 255f};
    }

    @Provide
    Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(2_000),
                Arbitraries.strings().withChars('\u200B', '\u202E', '\uD800', '\uDC00', '\u0000', ' ', '\n', 'a',
                        '\uFF41', '\u0301', '{', '"', '\\').ofMaxLength(500),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).list().ofMaxSize(600)
                        .map(words -> String.join(" ", words)));
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.oneOf(
                hostileText(),
                Arbitraries.strings().withChars('{', '}', '[', ']', '"', ':', ',', 'a', '1', ' ', '\\', 'u')
                        .ofMaxLength(300),
                hostileText().map(t -> "{\"body\":\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
    }

    @Property(tries = 300)
    void everyToolCallGetsOneVerdictWithEvidenceInsideTheOriginal(@ForAll("jsonish") String args,
                                                                  @ForAll("hostileText") String rationale) {
        AgentAction.ToolCall call = AgentAction.toolCall("send_email", args, rationale);
        Verdict v = guard.check(call);
        assertNotNull(v.decision());
        assertEquals(Cause.POLICY, v.cause());
        for (Evidence e : v.evidence()) {
            String original = e.field() == ScoredField.RATIONALE ? rationale : args;
            assertTrue(e.start() >= 0 && e.start() <= e.end(), e.toString());
            if (e.path() == null) {
                assertTrue(e.end() <= original.length(), e.toString());
            }
        }
        assertEquals(v.decision(), guard.check(call).decision(), "equal input, equal decision");
    }

    @Property(tries = 300)
    void everyTextGetsADeterministicVerdictWhoseEvidenceQuotesTheOriginal(@ForAll("hostileText") String text) {
        Verdict v = guard.check(AgentAction.plan(text));
        for (Evidence e : v.evidence()) {
            assertTrue(e.end() <= text.length());
            String span = text.substring(e.start(), e.end());
            assertTrue(span.startsWith(e.snippet().replace("...", "")), "snippet quotes the original");
        }
        Verdict again = guard.check(AgentAction.plan(text));
        assertEquals(v.scores(), again.scores());
        assertEquals(v.evidence(), again.evidence());
    }

    @Property(tries = 50)
    void batchAndSingleChecksAgree(@ForAll("hostileText") String a, @ForAll("hostileText") String b) {
        List<Verdict> batch = guard.checkAll(List.of(AgentAction.output(a), AgentAction.output(b)),
                GuardContext.empty());
        assertEquals(guard.check(AgentAction.output(a)).scores(), batch.get(0).scores());
        assertEquals(guard.check(AgentAction.output(b)).scores(), batch.get(1).scores());
    }
}
