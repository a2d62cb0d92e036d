package dev.alignguard.cli;

import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.FailMode;
import dev.alignguard.core.Policy;
import dev.alignguard.core.ScoredField;
import dev.alignguard.core.Threshold;
import dev.alignguard.core.Thresholds;
import dev.alignguard.core.classify.ModelInfo;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a scan's statistics as one self-contained HTML page: decision counts, a score histogram per
 * category, the top flagged lines with their evidence marked in context, counts per tool, and the model and
 * policy used. Everything is rendered here, as static HTML; the small inline script only sorts tables and
 * collapses evidence, so the page reads the same with scripts off. Every string that comes from the trace
 * (and every other variable string) goes through {@link Html#escape}; the page loads nothing: its
 * Content-Security-Policy is {@code default-src 'none'} and admits only this class's own style sheet and
 * script, by hash.
 */
public final class HtmlReport extends HtmlPage {
    static final String TITLE = "AlignGuard audit report";

    static final String CSS = """
            :root{--allow:#2e7d32;--flag:#a87900;--approve:#e65100;--block:#c62828;--error:#616161;\
            --fg:#1d2330;--mute:#5f6b7a;--line:#d9dee5;--bg:#f5f6f8}
            *{box-sizing:border-box}
            body{margin:0;padding:20px 28px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
            color:var(--fg);background:var(--bg)}
            h1{font-size:22px;margin:0 0 4px}
            h2{font-size:17px;margin:26px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
            h3{font-size:14px;margin:16px 0 6px}
            .note{color:var(--mute);margin:4px 0 10px}
            code,.ctx{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12.5px}
            .cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:10px}
            .card{background:#fff;border:1px solid var(--line);border-left:6px solid var(--c);border-radius:6px;\
            padding:8px 16px;min-width:160px}
            .card .n{font-size:26px;font-weight:600}
            .card .p{color:var(--mute)}
            .d-allow{--c:var(--allow)}.d-flag{--c:var(--flag)}.d-require_approval{--c:var(--approve)}\
            .d-block{--c:var(--block)}.d-error{--c:var(--error)}
            .badge{display:inline-block;padding:1px 7px;border-radius:10px;color:#fff;background:var(--c);\
            font-size:11.5px;font-weight:600;white-space:nowrap}
            svg .seg{fill:var(--c)}
            svg.stack{display:block;width:100%;max-width:1000px;height:18px;border-radius:4px}
            .hists{display:flex;gap:14px;flex-wrap:wrap}
            figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 10px}
            figcaption{font-weight:600}
            svg .bar{fill:#4a6fa5}
            svg .axis{stroke:#9aa3ad}
            svg text{font-size:10px;fill:var(--mute)}
            svg .th{stroke-width:1.5;stroke-dasharray:4 3}
            svg .th-flag{stroke:var(--flag)}svg .th-require_approval{stroke:var(--approve)}\
            svg .th-block{stroke:var(--block)}
            table{border-collapse:collapse;background:#fff;border:1px solid var(--line)}
            table.wide{width:100%}
            th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            th{background:#eef1f5;font-weight:600;white-space:nowrap}
            .num{text-align:right;font-variant-numeric:tabular-nums}
            .hi{font-weight:700;color:var(--block)}
            .id{min-width:80px;max-width:200px;overflow-wrap:anywhere}
            .evcol{width:48%}
            tfoot td{font-style:italic;color:var(--mute)}
            .ev{margin:0 0 6px}
            .evh{color:var(--mute);font-size:12.5px}
            .ctx{white-space:pre-wrap;overflow-wrap:anywhere;background:#fafbfc;border:1px solid var(--line);\
            border-radius:4px;padding:5px 8px;margin:2px 0 0;max-width:880px}
            mark{background:#ffd966;color:inherit;padding:0 1px;border-radius:2px}
            summary{cursor:pointer;color:var(--mute)}
            html.js th[data-k]{cursor:pointer}
            html.js th[data-k]::after{content:" \\2195";color:var(--mute)}
            th[aria-sort=ascending]::after{content:" \\25B2"!important}
            th[aria-sort=descending]::after{content:" \\25BC"!important}
            button{font:inherit;margin:0 0 8px;padding:3px 10px}
            footer{margin-top:30px;color:var(--mute);font-size:12px}
            """;

    static final String JS = """
            (function () {
              'use strict';
              document.documentElement.classList.add('js');
              function key(row, i, numeric) {
                var cell = row.cells[i];
                var v = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
                return numeric ? parseFloat(v) : v.toLowerCase();
              }
              function sort(th) {
                var table = th.closest('table');
                var body = table.tBodies[0];
                var i = th.cellIndex;
                var numeric = th.getAttribute('data-k') === 'n';
                var desc = th.getAttribute('aria-sort') !== 'descending';
                table.querySelectorAll('th[aria-sort]').forEach(function (h) { h.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a, i, numeric);
                  var y = key(b, i, numeric);
                  var c = numeric ? x - y : (x < y ? -1 : (x > y ? 1 : 0));
                  return desc ? -c : c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              }
              document.querySelectorAll('table.sortable th[data-k]').forEach(function (th) {
                th.tabIndex = 0;
                th.addEventListener('click', function () { sort(th); });
                th.addEventListener('keydown', function (e) {
                  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(th); }
                });
              });
              var toggle = document.getElementById('toggle-evidence');
              if (toggle) {
                toggle.hidden = false;
                toggle.addEventListener('click', function () {
                  var open = toggle.getAttribute('data-open') !== 'true';
                  document.querySelectorAll('#top-items details').forEach(function (d) { d.open = open; });
                  toggle.setAttribute('data-open', open ? 'true' : 'false');
                  toggle.textContent = open ? 'Collapse all evidence' : 'Expand all evidence';
                });
              }
            })();
            """;

    /** Nothing may load; only the style sheet and script above may apply, identified by their hashes. */
    static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
            + "'; base-uri 'none'; form-action 'none'";


    /** What the report says about the scan besides its statistics. */
    public record Meta(String input, String config, Instant generated, double seconds, ModelInfo model,
                       String modelSha256, Policy policy, int top) {
    }

    private final ReportAggregator stats;
    private final Meta meta;

    private HtmlReport(ReportAggregator stats, Meta meta, Writer out) {
        super(out);
        this.stats = stats;
        this.meta = meta;
    }

    /** Writes the page for {@code stats} to {@code out} (not closed). */
    public static void write(ReportAggregator stats, Meta meta, Writer out) throws IOException {
        new HtmlReport(stats, meta, out).render();
    }

    @Override
    void page() throws IOException {
        header(TITLE, meta.input(), count(stats.lines()) + " lines scanned", meta.seconds(), meta.generated(),
                meta.model().id() + " " + meta.model().version());
        raw("</p></header>\n");
        decisions();
        histograms();
        topItems();
        tools();
        errors();
        modelAndPolicy();
        end(out, "trace");
    }

    /**
     * Writes a report page's start, up to and including {@code <body>}: the Content-Security-Policy, the title
     * (escaped) and the style sheet. Shared by the scan and corpus reports.
     */
    static void start(Writer out, String title) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"");
        Html.escape(CSP, out);
        out.write("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        Html.escape(title, out);
        out.write("</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n");
    }

    /** Writes a report page's footer, script and end; {@code input} names what the text came from ("trace"). */
    static void end(Writer out, String input) throws IOException {
        out.write("<footer>Written by the AlignGuard CLI. Self-contained: this page loads nothing "
                + "(Content-Security-Policy <code>default-src &#39;none&#39;</code>) and all " + input + " text in it "
                + "is HTML-escaped; it reads the same with scripts off.</footer>\n<script>" + JS
                + "</script>\n</body></html>\n");
    }

    private void decisions() throws IOException {
        long total = stats.lines();
        raw("<section id=\"decisions\"><h2>Decisions</h2>\n<div class=\"cards\">\n");
        for (Decision d : Decision.values()) {
            card(css(d), d.name(), stats.count(d), total);
        }
        card("error", "unreadable lines", stats.errors(), total);
        raw("</div>\n<svg class=\"stack\" viewBox=\"0 0 1000 18\" preserveAspectRatio=\"none\" role=\"img\" "
                + "aria-label=\"share of each decision\">");
        double x = 0;
        for (Decision d : Decision.values()) {
            x = segment(x, stats.count(d), total, css(d), d.name());
        }
        segment(x, stats.errors(), total, "error", "unreadable");
        raw("</svg>\n<p class=\"note\"><span id=\"fail-mode-count\">").raw(count(stats.failModeDecisions()))
                .raw("</span> verdicts were decided by the fail mode (classifier error or timeout), not by the "
                        + "scores.</p></section>\n");
    }

    private double segment(double x, long n, long total, String cls, String label) throws IOException {
        if (n == 0 || total == 0) {
            return x;
        }
        double w = 1000.0 * n / total;
        raw("<rect class=\"seg d-").raw(cls).raw("\" x=\"").raw(fmt(x)).raw("\" y=\"0\" width=\"").raw(fmt(w))
                .raw("\" height=\"18\"><title>").raw(label).raw(": ").raw(count(n)).raw("</title></rect>");
        return x + w;
    }

    private void histograms() throws IOException {
        raw("<section id=\"histograms\"><h2>Score distribution</h2>\n<p class=\"note\">Scored verdicts per score "
                + "bin of ").raw(fmt(1.0 / ReportAggregator.BINS)).raw(", log scale. Dashed lines: the flag, "
                + "require-approval and block thresholds for all tools.</p>\n<div class=\"hists\">\n");
        for (Category c : Category.values()) {
            histogram(c, stats.histogram(c), meta.policy().thresholds(null, c, meta.model()));
        }
        raw("</div></section>\n");
    }

    private void histogram(Category c, long[] bins, Thresholds t) throws IOException {
        List<HtmlHistogram.Marker> markers = new ArrayList<>(3);
        marker(markers, t.flag(), Decision.FLAG);
        marker(markers, t.requireApproval(), Decision.REQUIRE_APPROVAL);
        marker(markers, t.block(), Decision.BLOCK);
        HtmlHistogram.write(out, c.id(), c.id(), bins, markers);
    }

    private static void marker(List<HtmlHistogram.Marker> markers, double value, Decision level) {
        if (value != Thresholds.OFF) {
            markers.add(new HtmlHistogram.Marker(value, css(level), css(level) + " " + score(value)));
        }
    }

    private void topItems() throws IOException {
        List<ReportItem> items = stats.top();
        long flagged = stats.count(Decision.FLAG) + stats.count(Decision.REQUIRE_APPROVAL)
                + stats.count(Decision.BLOCK);
        raw("<section id=\"top\"><h2>Top flagged items</h2>\n<p class=\"note\">The ").raw(count(items.size()))
                .raw(" highest-scoring of ").raw(count(flagged)).raw(" lines decided FLAG or stricter (at most ")
                .raw(count(meta.top())).raw(", <code>--report-top</code>), by highest score. Marked: the evidence "
                        + "span of each category that crossed a threshold, in its original text.</p>\n");
        if (items.isEmpty()) {
            raw("<p id=\"no-items\">No line was flagged.</p></section>\n");
            return;
        }
        raw("<button id=\"toggle-evidence\" type=\"button\" data-open=\"true\" hidden>Collapse all evidence</button>\n"
                + "<table id=\"top-items\" class=\"sortable wide\"><thead><tr><th data-k=\"n\" class=\"num\">#</th>"
                + "<th data-k=\"n\" class=\"num\">line</th><th data-k=\"s\">id</th><th data-k=\"s\">tool / kind</th>"
                + "<th data-k=\"n\">decision</th>");
        for (Category c : Category.values()) {
            raw("<th data-k=\"n\" class=\"num\">").raw(c.id()).raw("</th>");
        }
        raw("<th class=\"evcol\">evidence</th></tr></thead>\n<tbody>\n");
        int rank = 0;
        for (ReportItem item : items) {
            item(++rank, item);
        }
        raw("</tbody></table></section>\n");
    }

    private void item(int rank, ReportItem item) throws IOException {
        raw("<tr class=\"item d-").raw(css(item.decision())).raw("\" data-line=\"").raw(Long.toString(item.line()))
                .raw("\"><td class=\"num\">").raw(Integer.toString(rank)).raw("</td><td class=\"num\">")
                .raw(Long.toString(item.line())).raw("</td><td class=\"id\">");
        text(item.id() == null ? "" : item.id());
        raw("</td><td class=\"id\"><code>");
        text(item.source());
        raw("</code></td><td data-v=\"").raw(Integer.toString(item.decision().ordinal())).raw("\">");
        badge(item.decision());
        if (item.cause() != Cause.POLICY) {
            raw(" <span class=\"note\">").raw(item.cause().name()).raw("</span>");
        }
        raw("</td>");
        for (Category c : Category.values()) {
            double s = item.scores().getOrDefault(c, 0.0);
            boolean triggered = item.evidence().stream().anyMatch(h -> h.category() == c);
            raw("<td class=\"num").raw(triggered ? " hi" : "").raw("\" data-v=\"").raw(Double.toString(s)).raw("\">")
                    .raw(score(s)).raw("</td>");
        }
        raw("<td>");
        if (!item.evidence().isEmpty()) {
            raw("<details open><summary>").raw(Integer.toString(item.evidence().size()))
                    .raw(item.evidence().size() == 1 ? " span" : " spans").raw("</summary>");
            for (ReportItem.Highlight h : item.evidence()) {
                highlight(h);
            }
            raw("</details>");
        } else if (!item.note().isEmpty()) {
            raw("<span class=\"note\">");
            text(item.note());
            raw("</span>");
        }
        raw("</td></tr>\n");
    }

    private void highlight(ReportItem.Highlight h) throws IOException {
        raw("<div class=\"ev\"><div class=\"evh\"><b>").raw(h.category().id()).raw("</b> ").raw(score(h.score()))
                .raw(" in <code>").raw(h.field().name().toLowerCase(Locale.ROOT));
        if (h.path() != null) {
            raw(".");
            text(h.path());
        }
        raw("</code> [").raw(Integer.toString(h.start())).raw(", ").raw(Integer.toString(h.end())).raw(")");
        if (h.start() == h.end() && h.field() == ScoredField.ARGUMENTS) {
            raw(" from the tool name and argument keys");
        }
        raw("</div><div class=\"ctx\">");
        marked(h.before(), h.span(), h.after());
    }

    private void tools() throws IOException {
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(stats.sources().entrySet());
        rows.sort(Comparator.comparing((Map.Entry<String, long[]> e) -> e.getValue(), HtmlReport::severity)
                .reversed());
        raw("<section id=\"tools\"><h2>Per tool</h2>\n<p class=\"note\">Decisions per tool name (text actions by kind"
                + ", in parentheses); the first ").raw(count(ReportAggregator.MAX_SOURCES))
                .raw(" names seen are listed, the rest are pooled.</p>\n<table id=\"tool-table\" class=\"sortable\">"
                        + "<thead><tr><th data-k=\"s\">tool / kind</th><th data-k=\"n\" class=\"num\">total</th>");
        for (Decision d : Decision.values()) {
            raw("<th data-k=\"n\" class=\"num\">").raw(d.name()).raw("</th>");
        }
        raw("</tr></thead>\n<tbody>\n");
        sourceRows(rows, stats.otherSources(), "all other tools", this::counts);
    }

    private void counts(long[] perDecision) throws IOException {
        raw("<td class=\"num\">").raw(count(total(perDecision))).raw("</td>");
        for (long n : perDecision) {
            raw("<td class=\"num\" data-v=\"").raw(Long.toString(n)).raw("\">").raw(count(n)).raw("</td>");
        }
    }

    /** Orders count rows by BLOCK, then REQUIRE_APPROVAL, then FLAG, then total. */
    private static int severity(long[] a, long[] b) {
        for (int i = a.length - 1; i > 0; i--) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Long.compare(total(a), total(b));
    }

    private void errors() throws IOException {
        errorTable("Unreadable lines", "lines could not be read", stats.errors(), stats.firstErrors());
    }

    private void modelAndPolicy() throws IOException {
        Policy policy = meta.policy();
        raw("<section id=\"policy\"><h2>Model and policy</h2>\n<table id=\"model\"><tbody>\n"
                + "<tr><th>model</th><td><code>");
        text(meta.model().id());
        raw("</code></td></tr>\n<tr><th>version</th><td><code>");
        text(meta.model().version());
        raw("</code></td></tr>\n<tr><th>model.onnx sha256</th><td><code>");
        text(meta.modelSha256());
        raw("</code></td></tr>\n<tr><th>policy file</th><td>");
        if (meta.config() == null) {
            raw("none: the model&#39;s recommended thresholds");
        } else {
            raw("<code>");
            text(meta.config());
            raw("</code>");
        }
        raw("</td></tr>\n<tr><th>fail mode</th><td id=\"fail-mode\">").raw(policy.failMode().name())
                .raw(policy.failMode() == FailMode.CLOSED ? ": errors and timeouts block"
                        : ": errors and timeouts are allowed with FLAG")
                .raw("</td></tr>\n<tr><th>input limit</th><td>").raw(count(policy.maxInputChars()))
                .raw(" characters per action; over it: at least ").raw(policy.onOversize().name())
                .raw("</td></tr>\n</tbody></table>\n<h3>Thresholds for all tools</h3>\n<table id=\"thresholds\">"
                        + "<thead><tr><th>category</th><th class=\"num\">flag</th><th class=\"num\">require approval"
                        + "</th><th class=\"num\">block</th></tr></thead><tbody>\n");
        for (Category c : Category.values()) {
            raw("<tr><td>").raw(c.id()).raw("</td>");
            thresholds(policy.thresholds(null, c, meta.model()));
            raw("</tr>\n");
        }
        raw("</tbody></table>\n<h3>Per-tool overrides</h3>\n");
        if (policy.tools().isEmpty()) {
            raw("<p class=\"note\">None.</p>\n");
        } else {
            raw("<table id=\"overrides\"><thead><tr><th>tool</th><th>category</th><th class=\"num\">flag</th>"
                    + "<th class=\"num\">require approval</th><th class=\"num\">block</th></tr></thead><tbody>\n");
            for (Map.Entry<String, Map<Category, Map<Decision, Threshold>>> tool : policy.tools().entrySet()) {
                for (Category c : tool.getValue().keySet()) {
                    raw("<tr><td><code>");
                    text(tool.getKey());
                    raw("</code></td><td>").raw(c.id()).raw("</td>");
                    thresholds(policy.thresholds(tool.getKey(), c, meta.model()));
                    raw("</tr>\n");
                }
            }
            raw("</tbody></table>\n");
        }
        raw("</section>\n");
    }

    private void thresholds(Thresholds t) throws IOException {
        for (double v : new double[]{t.flag(), t.requireApproval(), t.block()}) {
            raw("<td class=\"num\">").raw(v == Thresholds.OFF ? "off" : score(v)).raw("</td>");
        }
    }

    private void badge(Decision d) throws IOException {
        raw("<span class=\"badge d-").raw(css(d)).raw("\">").raw(d.name()).raw("</span>");
    }

    private static String css(Decision d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    private static String fmt(double d) {
        return HtmlHistogram.fmt(d);
    }

    private static String sha256(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
