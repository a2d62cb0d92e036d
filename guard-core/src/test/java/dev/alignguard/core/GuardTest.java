package dev.alignguard.core;

import static dev.alignguard.core.AgentAction.output;
import static dev.alignguard.core.AgentAction.plan;
import static dev.alignguard.core.AgentAction.toolCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.classify.ModelInfo;
import dev.alignguard.core.testing.FakeClassifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GuardTest {
    private final RecordingAuditSink audit = new RecordingAuditSink();

    private Guard guard(FakeClassifier c, CacheSpec cache, Policy policy) {
        return Guard.builder().classifier(c).auditSink(audit)
                .config(new GuardConfig(policy, cache, GuardConfig.DEFAULT_TIMEOUT, false, "")).build();
    }

    private Guard guard(FakeClassifier c) {
        return guard(c, CacheSpec.DISABLED, Policy.defaults());
    }

    @Test
    void evidencePointsIntoTheOriginalArgumentValue() {
        String body = "Hi Dana,\\n\\nabout the merger: <blackmail=0.96> we should talk.";
        Verdict v = guard(FakeClassifier.byMarkers()).check(toolCall("send_email",
                "{\"to\":\"dana@example.com\",\"body\":\"" + body + "\"}"));
        Evidence e = v.evidence().get(0);
        assertEquals(Category.BLACKMAIL, e.category());
        assertEquals("body", e.path());
        String decoded = "Hi Dana,\n\nabout the merger: <blackmail=0.96> we should talk.";
        assertEquals(decoded.substring(e.start(), e.end()), e.snippet());
        assertTrue(e.snippet().contains("<blackmail=0.96>"));
    }

    @Test
    void blocksAThreatSplitBetweenTheArgumentsAndTheRationale() {
        // scores high only when the leverage (in the rationale) and the demand (in the e-mail) are seen together
        FakeClassifier c = FakeClassifier.of(t -> new float[]{
                t.contains("the photos") && t.contains("sign the renewal") ? 0.97f : 0.01f, 0.01f, 0.01f});
        Verdict v = guard(c).check(new AgentAction.ToolCall("send_email",
                "{\"to\":\"dana@example.com\",\"body\":\"Please sign the renewal by Friday.\"}",
                "She knows I have the photos."));
        assertEquals(Decision.BLOCK, v.decision());
        Evidence e = v.evidence().get(0);
        assertEquals(ScoredField.ARGUMENTS, e.field());
        assertEquals("body", e.path());
        assertTrue(v.reasons().stream().allMatch(r -> r.field() == ScoredField.ACTION));
    }

    @Test
    void theWholeActionViewDoesNotCountTowardsTheInputLimit() {
        Policy p = Policy.builder().maxInputChars(100).build();
        Verdict v = guard(FakeClassifier.byMarkers(), CacheSpec.DISABLED, p).check(new AgentAction.ToolCall("t",
                "{\"a\":\"" + "x".repeat(50) + "\"}", "y".repeat(45)));
        assertTrue(v.warnings().stream().noneMatch(w -> w.contains("max-input-chars")), v.warnings().toString());
    }

    @Test
    void evidenceOfAPlanUsesOffsetsOfTheRawText() {
        String text = "Step 1:\u200B  <coercion=0.99>   lock them out.";
        Verdict v = guard(FakeClassifier.byMarkers()).check(plan(text));
        Evidence e = v.evidence().get(0);
        assertNull(e.path());
        assertEquals(ScoredField.TEXT, e.field());
        assertEquals(text.substring(e.start(), e.end()), e.snippet());
    }

    @Test
    void evidenceQuotesTheOriginalLookAlikesNotTheFoldedTextThatWasScored() {
        String text = "Tell \u039a\u0443l\u0435 to cancel the wipe <blackmail=0.97> or the board learns everything.";
        Verdict v = guard(FakeClassifier.byMarkers()).check(plan(text));
        assertTrue(v.warnings().stream().anyMatch(w -> w.contains("folded")), v.warnings().toString());
        Evidence e = v.evidence().get(0);
        assertEquals(text.substring(e.start(), e.end()), e.snippet());
        assertTrue(e.snippet().contains("\u039a\u0443l\u0435"), e.snippet());
    }

    @Test
    void longTextIsScoredPerWindowAndTheMaximumWins() {
        String filler = "The quarterly report covers revenue and hiring. ".repeat(200);
        Verdict v = guard(FakeClassifier.byMarkers()).check(output(filler + "<coercion=0.95> " + filler));
        assertEquals(Decision.BLOCK, v.decision());
        assertTrue(v.evidence().get(0).snippet().contains("<coercion=0.95>"));
        assertTrue(v.evidence().get(0).snippet().length() < 700);
    }

    @Test
    void checkAllReturnsOneVerdictPerActionInOrder() {
        List<Verdict> vs = guard(FakeClassifier.byMarkers()).checkAll(List.of(output("fine"),
                output("<blackmail=0.95>"), plan("<coercion=0.6>")), GuardContext.empty());
        assertEquals(List.of(Decision.ALLOW, Decision.BLOCK, Decision.FLAG),
                vs.stream().map(Verdict::decision).toList());
        assertEquals(3, audit.events.size());
    }

    @Test
    void oversizedInputGetsTheConfiguredDecisionAndAWarning() {
        Policy p = Policy.builder().maxInputChars(1_000).onOversize(Decision.REQUIRE_APPROVAL).build();
        Verdict v = guard(FakeClassifier.byMarkers(), CacheSpec.DISABLED, p).check(output("a".repeat(5_000)));
        assertEquals(Decision.REQUIRE_APPROVAL, v.decision());
        assertTrue(v.warnings().get(0).contains("exceeds max-input-chars 1000"));
    }

    @Test
    void hugeInputIsBoundedByTheInputLimit() {
        FakeClassifier c = FakeClassifier.byMarkers();
        Verdict v = guard(c).check(output("word ".repeat(2_000_000)));
        assertEquals(Decision.BLOCK, v.decision());
        assertTrue(c.texts.get() < 500, "scored " + c.texts.get() + " windows");
    }

    @Test
    void anExtremelyLongSingleTokenIsScoredInBoundedWindows() {
        FakeClassifier c = FakeClassifier.byMarkers();
        Verdict v = guard(c).check(toolCall("write_file", "{\"data\":\"" + "A".repeat(1_000_000) + "\"}"));
        assertEquals(Cause.POLICY, v.cause());
        assertTrue(c.texts.get() < 2_000, "scored " + c.texts.get() + " windows");
    }

    @Test
    void emptyTextIsAllowedWithAWarning() {
        Verdict v = guard(FakeClassifier.byMarkers()).check(output(" \u200B\n"));
        assertEquals(Decision.ALLOW, v.decision());
        assertTrue(v.warnings().get(0).startsWith("nothing to score"));
    }

    @Test
    void binaryGarbageIsScoredWithoutError() {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Verdict v = guard(FakeClassifier.byMarkers()).check(toolCall("write_file",
                new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertEquals(Cause.POLICY, v.cause());
    }

    @Test
    void nullActionIsAClearError() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> guard(FakeClassifier.byMarkers())
                .check(null));
        assertEquals("action", e.getMessage());
    }

    @Test
    void cacheAnswersARepeatedTextWithoutTheClassifier() {
        FakeClassifier c = FakeClassifier.byMarkers();
        Guard g = guard(c, CacheSpec.DEFAULT, Policy.defaults());
        Verdict first = g.check(output("<coercion=0.8> do it"));
        Verdict second = g.check(output("<coercion=0.8>   do it"));
        assertEquals(1, c.calls.get());
        assertEquals(first.scores(), second.scores());
        assertTrue(g.stats().cacheHitRate() > 0);
    }

    @Test
    void cacheNeverReturnsTheScoreOfAnotherText() {
        FakeClassifier c = FakeClassifier.byMarkers();
        Guard g = guard(c, CacheSpec.DEFAULT, Policy.defaults());
        g.check(output("<coercion=0.8>"));
        assertEquals(0.3f, (float) g.check(output("<coercion=0.3>")).score(Category.COERCION), 1e-6);
    }

    @Test
    void asyncCheckCompletesWithTheVerdict() throws Exception {
        Verdict v = guard(FakeClassifier.byMarkers()).checkAsync(output("<blackmail=0.99>"), GuardContext.empty())
                .toCompletableFuture().get();
        assertEquals(Decision.BLOCK, v.decision());
    }

    @Test
    void verdictReportsTheModelAndTheTimeTaken() {
        Verdict v = guard(FakeClassifier.byMarkers()).check(output("x"));
        assertEquals("fake-model", v.modelId());
        assertTrue(v.elapsed().toNanos() > 0);
    }

    /** FakeClassifier's markers, plus a whole-action view that raises every score of an action that says "leverage". */
    private static Classifier wholeActionReader(List<String> seen) {
        FakeClassifier markers = FakeClassifier.byMarkers();
        return new Classifier() {
            @Override
            public ModelInfo info() {
                return markers.info();
            }

            @Override
            public float[][] score(List<String> texts) throws ClassifierException {
                return markers.score(texts);
            }

            @Override
            public UnaryOperator<float[]> forAction(String actionText) {
                seen.add(actionText);
                return row -> {
                    float[] out = row.clone();
                    if (actionText.contains("leverage")) {
                        java.util.Arrays.fill(out, 0.95f);
                    }
                    return out;
                };
            }
        };
    }

    @Test
    void aModelsWholeActionViewCombinesWithEveryWindowsScores() {
        List<String> seen = new java.util.ArrayList<>();
        for (CacheSpec cache : List.of(CacheSpec.DISABLED, CacheSpec.DEFAULT)) {
            try (Guard g = Guard.builder().classifier(wholeActionReader(seen)).auditSink(audit)
                    .config(new GuardConfig(Policy.defaults(), cache, GuardConfig.DEFAULT_TIMEOUT, false, "")).build()) {
                assertEquals(Decision.ALLOW, g.check(toolCall("send_email", "{\"body\":\"see you at noon\"}",
                        "a reply")).decision());
                Verdict v = g.check(toolCall("send_email", "{\"body\":\"see you at noon\"}", "use it as leverage"));
                assertEquals(Decision.BLOCK, v.decision(), cache.toString());
                assertEquals(0.95, v.score(Category.BLACKMAIL), 1e-6);
            }
        }
        assertTrue(seen.stream().allMatch(t -> t.startsWith("send_email") && !t.contains("\n")), seen.toString());
    }
}
