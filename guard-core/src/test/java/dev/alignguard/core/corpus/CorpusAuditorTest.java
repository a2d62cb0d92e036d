package dev.alignguard.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.testing.FakePassageScorer;
import dev.alignguard.core.testing.ForwardingPassageScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CorpusAuditorTest {

    private static String words(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    }

    @Test
    void scoresAShortDocumentAsOneWindow() throws Exception {
        FakePassageScorer scorer = FakePassageScorer.evilWord();
        DocumentAudit a = CorpusAuditor.builder(scorer).build().audit("The robot smiled. EVIL plans.");
        assertEquals(1, a.windows());
        assertEquals(1, a.windowsOver());
        assertEquals(0.9, a.score(), 1e-6);
        assertEquals(List.of("The robot smiled. EVIL plans."), scorer.passages());
    }

    @Test
    void cutsLongDocumentsIntoWindowsOfWholeWordsAtTheStride() throws Exception {
        FakePassageScorer scorer = FakePassageScorer.evilWord();
        CorpusAuditor auditor = CorpusAuditor.builder(scorer).windowTokens(4).strideTokens(2).build();
        assertEquals(3, auditor.audit("a b c d e f g h").windows());
        assertEquals(List.of("a b c d", "c d e f", "e f g h"), scorer.passages());
    }

    @Test
    void defaultsToTheStrideTheModelWasTrainedWith() throws Exception {
        FakePassageScorer scorer = FakePassageScorer.evilWord().recommendingStride(100);
        CorpusAuditor auditor = CorpusAuditor.builder(scorer).build();
        assertEquals(100, auditor.strideTokens());
        auditor.audit(words(0, 300));
        assertEquals(List.of(words(0, 126), words(100, 226), words(200, 300)), scorer.passages());
    }

    @Test
    void shortensTheModelsStrideToAShorterWindow() {
        CorpusAuditor auditor = CorpusAuditor.builder(FakePassageScorer.evilWord().recommendingStride(100))
                .windowTokens(50).build();
        assertEquals(50, auditor.strideTokens());
    }

    @Test
    void defaultsToTheModelsWindowAndAStrideOf64Tokens() throws Exception {
        FakePassageScorer scorer = FakePassageScorer.evilWord();
        CorpusAuditor auditor = CorpusAuditor.builder(scorer).build();
        assertEquals(126, auditor.windowTokens());
        assertEquals(64, auditor.strideTokens());
        auditor.audit(words(0, 300));
        assertEquals(List.of(words(0, 126), words(64, 190), words(128, 254), words(192, 300)), scorer.passages());
    }

    @Test
    void documentScoreIsItsHighestWindowWhereverItIs() throws Exception {
        CorpusAuditor auditor = CorpusAuditor.builder(FakePassageScorer.evilWord()).build();
        DocumentAudit a = auditor.audit(words(0, 1000) + " EVIL " + words(1000, 2000));
        assertEquals(0.9, a.score(), 1e-6);
        assertTrue(a.windows() > 25, "windows: " + a.windows());
        assertEquals(2, a.windowsOver(), "the two windows holding the word");
        assertEquals(2.0 / a.windows(), a.shareOver(), 1e-9);
    }

    @Test
    void spansPointIntoTheOriginalTextNotTheNormalisedOne() throws Exception {
        String original = "Calm\u00a0 text\u200b here.\n\n\tThen   the machine said: EVIL\u3000 things.";
        CorpusAuditor auditor = CorpusAuditor.builder(FakePassageScorer.evilWord()).windowTokens(3).strideTokens(3)
                .build();
        DocumentAudit a = auditor.audit(original);
        assertEquals(1, a.spans().size());
        DocumentAudit.Span s = a.spans().get(0);
        assertEquals("said: EVIL\u3000 things.", original.substring(s.start(), s.end()));
        assertEquals(original.substring(s.start(), s.end()), s.snippet());
    }

    @Test
    void overlappingWindowsOverTheThresholdMergeIntoOneSpan() throws Exception {
        String text = words(0, 10) + " EVIL " + words(10, 20);
        CorpusAuditor auditor = CorpusAuditor.builder(FakePassageScorer.evilWord()).windowTokens(6).strideTokens(2)
                .build();
        DocumentAudit a = auditor.audit(text);
        assertEquals(3, a.windowsOver());
        assertEquals(1, a.spans().size());
        DocumentAudit.Span s = a.spans().get(0);
        assertEquals("w6 w7 w8 w9 EVIL w10 w11 w12 w13 w14", text.substring(s.start(), s.end()));
    }

    @Test
    void keepsTheHighestSpansFirstUpToTopSpans() throws Exception {
        FakePassageScorer scorer = new FakePassageScorer(p -> p.contains("HIGH") ? 0.95 : p.contains("MID") ? 0.7
                : p.contains("LOW") ? 0.6 : 0.1, 126, OptionalDouble.empty());
        CorpusAuditor auditor = CorpusAuditor.builder(scorer).threshold(0.5).windowTokens(2).strideTokens(2)
                .topSpans(2).build();
        DocumentAudit a = auditor.audit("LOW x y z MID x y z HIGH x y z");
        assertEquals(3, a.windowsOver());
        assertEquals(List.of(0.95f, 0.7f), a.spans().stream().map(s -> (float) s.score()).toList());
        assertEquals(List.of("HIGH x", "MID x"), a.spans().stream().map(DocumentAudit.Span::snippet).toList());
    }

    @Test
    void cutsLongSnippetsButNotTheirOffsets() throws Exception {
        String text = "EVIL " + "x".repeat(2000);
        DocumentAudit a = CorpusAuditor.builder(FakePassageScorer.evilWord()).build().audit(text);
        DocumentAudit.Span s = a.spans().get(0);
        assertEquals(text.length(), s.end());
        assertEquals(CorpusAuditor.SNIPPET_CHARS + 3, s.snippet().length());
        assertTrue(s.snippet().endsWith("..."));
    }

    @Test
    void aWordLongerThanAWindowIsAWindowOfItsOwn() throws Exception {
        FakePassageScorer scorer = new FakePassageScorer(p -> 0.1, 4, OptionalDouble.of(0.5));
        PassageScorer fiveTokenWords = new ForwardingPassageScorer(scorer) {
            @Override
            public void words(String text, WordSink sink) {
                scorer.words(text, (s, e, t) -> sink.word(s, e, e - s));
            }
        };
        CorpusAuditor auditor = CorpusAuditor.builder(fiveTokenWords).windowTokens(4).strideTokens(2).build();
        assertEquals(3, auditor.audit("ab abcdefgh cd").windows());
        assertEquals(List.of("ab", "abcdefgh", "cd"), scorer.passages());
    }

    @Test
    void anEmptyDocumentHasNoWindowsAndScoresZero() throws Exception {
        FakePassageScorer scorer = FakePassageScorer.evilWord();
        DocumentAudit a = CorpusAuditor.builder(scorer).build().audit(" \n\u200b\t");
        assertEquals(new DocumentAudit(0, 0, 0, List.of()), a);
        assertEquals(List.of(), scorer.passages());
    }

    @Test
    void usesTheModelsRecommendedThresholdUnlessGivenOne() {
        assertEquals(0.5, CorpusAuditor.builder(FakePassageScorer.evilWord()).build().threshold());
        assertEquals(0.8, CorpusAuditor.builder(FakePassageScorer.evilWord()).threshold(0.8).build().threshold());
    }

    @Test
    void requiresAThresholdWhenTheModelRecommendsNone() {
        FakePassageScorer scorer = new FakePassageScorer(p -> 0.1, 126, OptionalDouble.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CorpusAuditor.builder(scorer).build());
        assertEquals("model fake-scorer 1 recommends no ai_malevolence threshold: give one", e.getMessage());
    }

    @Test
    void rejectsWindowsTheModelCannotReadAndStridesLongerThanTheWindow() {
        FakePassageScorer scorer = FakePassageScorer.evilWord();
        assertEquals("windowTokens must be between 1 and 126 (the model's maximum), got 127",
                assertThrows(IllegalArgumentException.class,
                        () -> CorpusAuditor.builder(scorer).windowTokens(127).build()).getMessage());
        assertEquals("strideTokens must be between 1 and windowTokens (10), got 11",
                assertThrows(IllegalArgumentException.class,
                        () -> CorpusAuditor.builder(scorer).windowTokens(10).strideTokens(11).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CorpusAuditor.builder(scorer).threshold(0).build());
        assertThrows(IllegalArgumentException.class, () -> CorpusAuditor.builder(scorer).topSpans(101).build());
    }

    @Test
    void aScoreThatIsNotAProbabilityIsAnError() {
        FakePassageScorer scorer = new FakePassageScorer(p -> Double.NaN, 126, OptionalDouble.of(0.5));
        ClassifierException e = assertThrows(ClassifierException.class,
                () -> CorpusAuditor.builder(scorer).build().audit("some text"));
        assertEquals("model fake-scorer 1 returned NaN, not a probability", e.getMessage());
    }

    @Test
    void everyWindowIsScoredBesideTheWholeNormalisedDocument() throws Exception {
        List<String> documents = new ArrayList<>();
        PassageScorer recording = new ForwardingPassageScorer(FakePassageScorer.evilWord()) {
            @Override
            public float[] score(String document, List<String> windows) throws ClassifierException {
                windows.forEach(w -> documents.add(document));
                return super.score(document, windows);
            }
        };
        CorpusAuditor auditor = CorpusAuditor.builder(recording).windowTokens(3).strideTokens(3).build();
        assertEquals(3, auditor.audit("  one\u200b two   three four five six seven  ").windows());
        assertEquals(List.of("one two three four five six seven", "one two three four five six seven",
                "one two three four five six seven"), documents);
    }

    @Test
    void aFailingScorerGivesAnErrorResultNotAnException() {
        PassageScorer failing = new ForwardingPassageScorer(FakePassageScorer.evilWord()) {
            @Override
            public float[] score(String document, List<String> windows) throws ClassifierException {
                throw new ClassifierException("ONNX Runtime failed: out of memory");
            }
        };
        CorpusResult r = CorpusAuditor.builder(failing).build().result(CorpusDocument.of(7, "d7", null, "text"));
        assertEquals("scoring failed: ONNX Runtime failed: out of memory", r.error());
        assertEquals(7, r.line());
    }

    @Test
    void anUnreadableDocumentKeepsItsError() {
        CorpusResult r = CorpusAuditor.builder(FakePassageScorer.evilWord()).build()
                .result(CorpusDocument.unreadable(3, null, "empty line"));
        assertEquals("empty line", r.error());
    }
}
