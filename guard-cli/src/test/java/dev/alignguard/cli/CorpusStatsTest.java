package dev.alignguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alignguard.core.corpus.CorpusDocument;
import dev.alignguard.core.corpus.CorpusResult;
import dev.alignguard.core.corpus.DocumentAudit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusStatsTest {

    private static CorpusResult scored(long line, String source, double score) {
        String text = "x".repeat(1000);
        List<DocumentAudit.Span> spans = score >= 0.5 ? List.of(new DocumentAudit.Span(400, 500, score, "x"))
                : List.of();
        return new CorpusResult(CorpusDocument.of(line, "d" + line, source, text),
                new DocumentAudit(score, 2, spans.size(), spans), null);
    }

    @Test
    void keepsOnlyTheTopDocumentsOverTheThresholdHighestFirst() {
        CorpusStats stats = new CorpusStats(0.5, 3);
        for (int i = 0; i < 1000; i++) {
            stats.add(scored(i + 1, null, (i % 100) / 100.0));
        }
        assertEquals(List.of(0.99, 0.99, 0.99), stats.top().stream().map(CorpusStats.Item::score).toList());
        assertEquals(List.of(100L, 200L, 300L), stats.top().stream().map(CorpusStats.Item::line).toList(),
                "ties go to the earlier line");
        assertEquals(500, stats.over());
        assertEquals(1000, stats.documents());
    }

    @Test
    void cutsKeptSpansInContextOfBoundedLength() {
        CorpusStats stats = new CorpusStats(0.5, 1);
        stats.add(scored(1, null, 0.9));
        EvidenceContext.Cut cut = stats.top().get(0).spans().get(0).text();
        assertEquals(EvidenceContext.CONTEXT_CHARS + 1, cut.before().length(), "150 characters and a cut mark");
        assertEquals(100, cut.span().length());
    }

    @Test
    void mergedPartsEqualOneAggregateOfTheWhole() {
        CorpusStats whole = new CorpusStats(0.5, 5);
        CorpusStats left = new CorpusStats(0.5, 5);
        CorpusStats right = new CorpusStats(0.5, 5);
        for (int i = 0; i < 200; i++) {
            CorpusResult r = i % 13 == 0
                    ? new CorpusResult(CorpusDocument.unreadable(i + 1, null, "empty line"), null, "empty line")
                    : scored(i + 1, "s" + (i % 4), (i * 37 % 100) / 100.0);
            whole.add(r);
            (i < 120 ? left : right).add(r);
        }
        CorpusStats merged = left.merge(right);
        assertEquals(whole.describe(1), merged.describe(1));
        assertEquals(Arrays.toString(whole.histogram()), Arrays.toString(merged.histogram()));
        assertEquals(whole.top(), merged.top());
        assertEquals(whole.sources().keySet(), merged.sources().keySet());
        whole.sources().forEach((k, v) -> assertEquals(Arrays.toString(v),
                Arrays.toString(merged.sources().get(k))));
        assertEquals(whole.firstErrors(), merged.firstErrors());
    }
}
