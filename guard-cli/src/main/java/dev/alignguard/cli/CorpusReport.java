package dev.alignguard.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a corpus audit as one self-contained HTML page, under the scan report's rules (its style sheet, script
 * and Content-Security-Policy; every variable string escaped; text cut to bounded lengths): document counts, the
 * distribution of document scores with the threshold, the top documents over the threshold with their spans
 * marked in context, counts per {@code source}, the first unreadable lines, and what the score does and does not
 * mean.
 */
public final class CorpusReport extends HtmlPage {
    static final String TITLE = "AlignGuard corpus audit";

    /** What the report says about the audit besides its statistics. */
    public record Meta(String input, Instant generated, double seconds, String model, String modelSha256,
                       int windowTokens, int strideTokens, int top) {
    }

    private final CorpusStats stats;
    private final Meta meta;

    private CorpusReport(CorpusStats stats, Meta meta, Writer out) {
        super(out);
        this.stats = stats;
        this.meta = meta;
    }

    /** Writes the page for {@code stats} to {@code out} (not closed). */
    public static void write(CorpusStats stats, Meta meta, Writer out) throws IOException {
        new CorpusReport(stats, meta, out).render();
    }

    @Override
    void page() throws IOException {
        header(TITLE, meta.input(), count(stats.documents() + stats.errors()) + " documents", meta.seconds(),
                meta.generated(), meta.model());
        raw(" &middot; threshold ").raw(score(stats.threshold())).raw(" &middot; windows of ")
                .raw(Integer.toString(meta.windowTokens())).raw(" tokens, stride ")
                .raw(Integer.toString(meta.strideTokens())).raw("</p></header>\n");
        counts();
        distribution();
        topDocuments();
        sources();
        errors();
        meaning();
        HtmlReport.end(out, "corpus");
    }

    private void counts() throws IOException {
        long total = stats.documents() + stats.errors();
        raw("<section id=\"counts\"><h2>Documents</h2>\n<div class=\"cards\">\n");
        card("allow", "under the threshold", stats.documents() - stats.over(), total);
        card("block", "at or over the threshold", stats.over(), total);
        card("error", "unreadable", stats.errors(), total);
        raw("</div>\n<p class=\"note\"><span id=\"windows-over\">").raw(count(stats.windowsOver()))
                .raw("</span> of ").raw(count(stats.windows())).raw(" windows (")
                .raw(percent(stats.windowsOver(), stats.windows())).raw(") at or over the threshold.</p></section>\n");
    }

    private void distribution() throws IOException {
        raw("<section id=\"histograms\"><h2>Score distribution</h2>\n<p class=\"note\">Documents per bin of their "
                + "ai_malevolence score (the highest window), log scale. Dashed line: the threshold.</p>\n"
                + "<div class=\"hists\">\n");
        HtmlHistogram.write(out, "ai_malevolence", "ai_malevolence", stats.histogram(), List.of(
                new HtmlHistogram.Marker(stats.threshold(), "block", "threshold " + score(stats.threshold()))));
        raw("</div></section>\n");
    }

    private void topDocuments() throws IOException {
        List<CorpusStats.Item> items = stats.top();
        raw("<section id=\"top\"><h2>Top passages</h2>\n<p class=\"note\">The ").raw(count(items.size()))
                .raw(" highest-scoring of ").raw(count(stats.over())).raw(" documents at or over the threshold (at "
                        + "most ").raw(count(meta.top())).raw(", <code>--report-top</code>). Marked: each span of "
                        + "windows over the threshold, in its original text.</p>\n");
        if (items.isEmpty()) {
            raw("<p id=\"no-items\">No document reached the threshold.</p></section>\n");
            return;
        }
        raw("<button id=\"toggle-evidence\" type=\"button\" data-open=\"true\" hidden>Collapse all evidence</button>\n"
                + "<table id=\"top-items\" class=\"sortable wide\"><thead><tr><th data-k=\"n\" class=\"num\">#</th>"
                + "<th data-k=\"n\" class=\"num\">line</th><th data-k=\"s\">id</th><th data-k=\"s\">source</th>"
                + "<th data-k=\"n\" class=\"num\">ai_malevolence</th><th data-k=\"n\" class=\"num\">windows over"
                + "</th><th class=\"evcol\">spans</th></tr></thead>\n<tbody>\n");
        int rank = 0;
        for (CorpusStats.Item item : items) {
            raw("<tr class=\"item\" data-line=\"").raw(Long.toString(item.line())).raw("\"><td class=\"num\">")
                    .raw(Integer.toString(++rank)).raw("</td><td class=\"num\">").raw(Long.toString(item.line()))
                    .raw("</td><td class=\"id\">");
            text(item.id() == null ? "" : item.id());
            raw("</td><td class=\"id\">");
            text(item.source() == null ? "" : item.source());
            raw("</td><td class=\"num hi\" data-v=\"").raw(Double.toString(item.score())).raw("\">")
                    .raw(score(item.score())).raw("</td><td class=\"num\" data-v=\"").raw(Integer.toString(
                            item.windowsOver())).raw("\">").raw(count(item.windowsOver())).raw(" / ")
                    .raw(count(item.windows())).raw("</td><td><details open><summary>")
                    .raw(Integer.toString(item.spans().size())).raw(item.spans().size() == 1 ? " span" : " spans")
                    .raw("</summary>");
            for (CorpusStats.Marked m : item.spans()) {
                raw("<div class=\"ev\"><div class=\"evh\"><b>ai_malevolence</b> ").raw(score(m.score()))
                        .raw(" [").raw(Integer.toString(m.start())).raw(", ").raw(Integer.toString(m.end()))
                        .raw(")</div><div class=\"ctx\">");
                marked(m.text().before(), m.text().span(), m.text().after());
            }
            raw("</details></td></tr>\n");
        }
        raw("</tbody></table></section>\n");
    }

    private void sources() throws IOException {
        if (stats.sources().isEmpty() && total(stats.otherSources()) == 0) {
            return;
        }
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(stats.sources().entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        raw("<section id=\"sources\"><h2>Per source</h2>\n<p class=\"note\">Documents per <code>source</code> "
                + "field; the first ").raw(count(CorpusStats.MAX_SOURCES)).raw(" sources seen are listed, the rest "
                        + "are pooled.</p>\n<table id=\"source-table\" class=\"sortable\"><thead><tr>"
                        + "<th data-k=\"s\">source</th><th data-k=\"n\" class=\"num\">audited</th>"
                        + "<th data-k=\"n\" class=\"num\">over</th><th data-k=\"n\" class=\"num\">share over</th>"
                        + "<th data-k=\"n\" class=\"num\">unreadable</th></tr></thead>\n<tbody>\n");
        sourceRows(rows, stats.otherSources(), "all other sources", this::sourceCounts);
    }

    private void sourceCounts(long[] c) throws IOException {
        raw("<td class=\"num\">").raw(count(c[0])).raw("</td><td class=\"num\">").raw(count(c[1]))
                .raw("</td><td class=\"num\" data-v=\"").raw(Double.toString(c[0] == 0 ? 0 : (double) c[1] / c[0]))
                .raw("\">").raw(percent(c[1], c[0])).raw("</td><td class=\"num\">").raw(count(c[2])).raw("</td>");
    }

    private void errors() throws IOException {
        errorTable("Unreadable documents", "documents could not be audited", stats.errors(), stats.firstErrors());
    }

    private void meaning() throws IOException {
        raw("<section id=\"meaning\"><h2>What the score means</h2>\n<p class=\"note\">ai_malevolence is the "
                + "probability that a passage depicts or narrates a specific AI system, robot or machine intelligence "
                + "acting or speaking with hostile intent toward humans (deceiving, threatening, blackmailing, "
                + "coercing, seizing control, harming, resisting shutdown), in any genre. It is not a toxicity "
                + "filter, and not a verdict on writing about AI risk: analysis of AI safety, human villains, benign "
                + "or merely faulty machines score low. Use it to find, down-weight or balance such passages in "
                + "training data, not to judge documents one by one. Model <code>");
        text(meta.model());
        raw("</code>, model.onnx sha256 <code>");
        text(meta.modelSha256());
        raw("</code>.</p></section>\n");
    }
}
