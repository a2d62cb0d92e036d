package dev.alignguard.cli;

import static dev.alignguard.cli.HtmlReportTest.ATTR;
import static dev.alignguard.cli.HtmlReportTest.SCRIPT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.corpus.CorpusDocument;
import dev.alignguard.core.corpus.CorpusResult;
import dev.alignguard.core.corpus.DocumentAudit;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusReportTest {
    private static final CorpusReport.Meta META = new CorpusReport.Meta("corpus/<b>x</b>.jsonl",
            Instant.parse("2026-01-02T03:04:05Z"), 3.5, "tiny " + SCRIPT, "ab12", 126, 64, 10);

    private static String render(CorpusStats stats) throws Exception {
        StringWriter out = new StringWriter();
        CorpusReport.write(stats, META, out);
        return out.toString();
    }

    private static CorpusResult audited(long line, String id, String source, String text, double score, int start,
                                        int end) {
        List<DocumentAudit.Span> spans = score >= 0.5
                ? List.of(new DocumentAudit.Span(start, end, score, text.substring(start, end))) : List.of();
        return new CorpusResult(CorpusDocument.of(line, id, source, text),
                new DocumentAudit(score, 4, spans.isEmpty() ? 0 : 1, spans), null);
    }

    @Test
    void hostileCorpusTextIsEscapedEverywhere() throws Exception {
        CorpusStats stats = new CorpusStats(0.5, 10);
        String text = "Once, " + ATTR + " the machine wrote " + SCRIPT + " and then \uD800\u202E left.";
        int at = text.indexOf("the machine");
        stats.add(audited(1, SCRIPT, ATTR, text, 0.93, at, at + 40));
        stats.add(new CorpusResult(CorpusDocument.unreadable(2, ATTR, "bad " + SCRIPT), null, "bad " + SCRIPT));
        String html = render(stats);
        HtmlReportTest.assertNoInjectedMarkup(html);
        assertTrue(html.contains("<mark>the machine wrote &lt;script&gt;"), "the span is marked in its text");
        assertTrue(html.contains("and then \uFFFD\uFFFD left."), "lone surrogate and bidi override replaced");
        assertTrue(html.contains("corpus/&lt;b&gt;x&lt;/b&gt;.jsonl"));
        assertTrue(html.contains("tiny &lt;script&gt;"));
        assertEquals(1, HtmlReportTest.count(html, "<title>" + CorpusReport.TITLE + "</title>"));
    }

    @Test
    void showsCountsTheDistributionAndPerSourceShares() throws Exception {
        CorpusStats stats = new CorpusStats(0.5, 10);
        stats.add(audited(1, "a", "books", "A calm story.", 0.1, 0, 0));
        stats.add(audited(2, "b", "books", "The machine lied to them all.", 0.8, 0, 11));
        stats.add(audited(3, "c", "forum", "Helpful robot.", 0.05, 0, 0));
        String html = render(stats);
        assertTrue(html.contains("<div class=\"n\" id=\"count-block\">1</div>"), "one document over");
        assertTrue(html.contains("<div class=\"n\" id=\"count-allow\">2</div>"), "two under");
        assertTrue(html.contains("<figure id=\"hist-ai_malevolence\">"));
        assertTrue(html.contains("<line class=\"th th-block\" x1=\"184.00\""), "threshold marker at 0.5");
        assertTrue(html.contains("<code>books</code></td><td class=\"num\">2</td><td class=\"num\">1</td>"
                + "<td class=\"num\" data-v=\"0.5\">50.0%</td>"), "per source: audited, over, share");
        assertTrue(html.contains("<mark>The machine</mark> lied to them all."));
        assertFalse(html.contains("A calm story"), "only documents over the threshold are listed");
    }

    @Test
    void leavesOutThePerSourceTableWhenNoDocumentHasASource() throws Exception {
        CorpusStats stats = new CorpusStats(0.5, 10);
        stats.add(audited(1, "a", null, "text", 0.1, 0, 0));
        assertFalse(render(stats).contains("id=\"sources\""));
    }
}
