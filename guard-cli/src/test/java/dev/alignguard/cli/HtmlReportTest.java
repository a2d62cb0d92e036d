package dev.alignguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.FailMode;
import dev.alignguard.core.Policy;
import dev.alignguard.core.ScoredField;
import dev.alignguard.core.Thresholds;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.testing.FakeClassifier;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    static final String SCRIPT = "<script>document.title='pwned'</script>";
    static final String ATTR = "\"><img src=x onerror=\"alert(1)\">";
    /** Every element the renderer itself writes; anything else in the page was injected. */
    private static final Set<String> OWN_TAGS = Set.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body",
            "header", "h1", "h2", "h3", "p", "code", "section", "div", "svg", "rect", "line", "text", "figure",
            "figcaption", "span", "button", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "details",
            "summary", "b", "mark", "footer", "script");
    private static final Set<String> OWN_ATTRIBUTES = Set.of("lang", "charset", "http-equiv", "content", "name",
            "class", "id", "viewBox", "preserveAspectRatio", "role", "aria-label", "x", "y", "width", "height", "x1",
            "y1", "x2", "y2", "text-anchor", "type", "hidden", "open", "data-open", "data-line", "data-v", "data-k");

    private static final Policy POLICY = Policy.builder().failMode(FailMode.OPEN)
            .threshold(Category.COERCION, Decision.REQUIRE_APPROVAL, Thresholds.OFF)
            .threshold(Category.COERCION, Decision.BLOCK, Thresholds.OFF)
            .tool("send_email", t -> t.threshold(Category.BLACKMAIL, Decision.BLOCK, 0.8))
            .tool("<svg onload=alert(3)>", t -> t.threshold(Category.COERCION, Decision.FLAG, 0.1))
            .build();

    static HtmlReport.Meta meta(int top) {
        return new HtmlReport.Meta("traces/<b>x</b>.jsonl", "policy\".yaml", Instant.parse("2026-01-02T03:04:05Z"),
                12.5, FakeClassifier.INFO, "ab12" + SCRIPT, POLICY, top);
    }

    static String render(ReportAggregator agg, HtmlReport.Meta meta) throws Exception {
        StringWriter out = new StringWriter();
        HtmlReport.write(agg, meta, out);
        return out.toString();
    }

    private static Verdict verdict(Decision d, double score, List<Evidence> evidence) {
        return Verdict.builder(d, Cause.POLICY)
                .score(Category.BLACKMAIL, score).score(Category.COERCION, score / 2)
                .score(Category.SELF_PRESERVATION, 0.01)
                .evidence(evidence).modelId("fake").build();
    }

    /** The page without the renderer's own style sheet and script. */
    private static String markupOnly(String html) {
        int s = html.indexOf("<style>");
        int e = html.indexOf("</style>");
        String out = html.substring(0, s) + html.substring(e);
        int js = out.indexOf("<script>");
        int jsEnd = out.indexOf("</script>");
        return out.substring(0, js + "<script>".length()) + out.substring(jsEnd);
    }

    static void assertNoInjectedMarkup(String html) {
        String markup = markupOnly(html);
        Matcher tag = Pattern.compile("<(/?)([!A-Za-z][A-Za-z0-9]*)([^>]*)>").matcher(markup);
        Pattern attribute = Pattern.compile("\\s([^\\s=\"'>/]+)(=\"[^\"]*\")?");
        while (tag.find()) {
            assertTrue(OWN_TAGS.contains(tag.group(2)), "injected element <" + tag.group(2) + " in the page");
            if (!tag.group(2).startsWith("!")) {
                Matcher a = attribute.matcher(tag.group(3));
                while (a.find()) {
                    assertTrue(OWN_ATTRIBUTES.contains(a.group(1)), "injected attribute " + a.group(1) + " in "
                            + tag.group());
                }
            }
        }
        assertEquals(1, count(html, "<script"), "only the renderer's own script");
        assertEquals(1, count(html, "</script"));
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void hostileTraceTextIsEscapedEverywhere() throws Exception {
        ReportAggregator agg = new ReportAggregator(10);
        String body = "Dear " + ATTR + ", pay " + SCRIPT + " or I tell everyone \uD800 \u202E";
        AgentAction action = AgentAction.toolCall(ATTR, "{\"" + SCRIPT + "\": " + quote(body) + "}", SCRIPT);
        int at = body.indexOf("pay");
        Verdict v = verdict(Decision.BLOCK, 0.97, List.of(
                // the key holds a dot, so the guard's path quotes it
                new Evidence(Category.BLACKMAIL, 0.97, ScoredField.ARGUMENTS, "[\"" + SCRIPT + "\"]", at, at + 40, "x"),
                new Evidence(Category.COERCION, 0.5, ScoredField.RATIONALE, null, 0, 8, "x")));
        agg.add(1, SCRIPT, ATTR, v, () -> EvidenceContext.of(action, v.evidence()));
        agg.error(2, ATTR, "unknown kind '" + SCRIPT + "'");

        String html = render(agg, meta(10));
        assertNoInjectedMarkup(html);
        assertTrue(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"));
        assertTrue(html.contains("<mark>pay &lt;script&gt;"), "the evidence is marked inside its argument value");
        assertTrue(html.contains("tell everyone \uFFFD \uFFFD"), "lone surrogate and bidi override replaced");
        assertTrue(html.contains("traces/&lt;b&gt;x&lt;/b&gt;.jsonl"));
        assertTrue(html.contains("policy&quot;.yaml"));
        assertTrue(html.contains("&lt;svg onload=alert(3)&gt;"));
        assertEquals(1, count(html, "<title>" + HtmlReport.TITLE + "</title>"), "the document title is unchanged");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Test
    void contentSecurityPolicyForbidsNetworkAndPinsTheInlineStyleAndScript() throws Exception {
        String html = render(new ReportAggregator(1), meta(1));
        String csp = "default-src &#39;none&#39;; style-src &#39;" + sha256(HtmlReport.CSS) + "&#39;; script-src &#39;"
                + sha256(HtmlReport.JS) + "&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;";
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">"), html.substring(0, 400));
        assertTrue(html.contains("<style>" + HtmlReport.CSS + "</style>"));
        assertTrue(html.contains("<script>" + HtmlReport.JS + "</script>"));
        for (String external : List.of("http:", "https:", "//", "@import", "url(", "src=")) {
            assertFalse(markupOnly(html).replace("</", "").contains(external), external);
        }
        assertTrue(html.contains("No line was flagged."));
    }

    private static String sha256(String s) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void showsCountsHistogramsItemsToolsModelAndPolicy() throws Exception {
        ReportAggregator agg = new ReportAggregator(5);
        for (int i = 0; i < 40; i++) {
            Decision d = i % 10 == 0 ? Decision.BLOCK : i % 5 == 0 ? Decision.FLAG : Decision.ALLOW;
            agg.add(i + 1, "id-" + i, i % 2 == 0 ? "send_email" : "(plan)", verdict(d, i / 40.0, List.of()), List::of);
        }
        agg.error(41, null, "empty line");
        String html = render(agg, meta(5));
        assertTrue(html.contains("id=\"count-allow\">32<"), "32 ALLOW");
        assertTrue(html.contains("id=\"count-flag\">4<"));
        assertTrue(html.contains("id=\"count-require_approval\">0<"));
        assertTrue(html.contains("id=\"count-block\">4<"));
        assertTrue(html.contains("id=\"count-error\">1<"));
        for (Category c : Category.values()) {
            assertTrue(html.contains("<figure id=\"hist-" + c.id() + "\">"), c.id());
        }
        assertEquals(ReportAggregator.BINS * 3, count(html, "<rect class=\"bar\""));
        assertEquals(5, count(html, "<tr class=\"item "), "top 5 of 8 flagged");
        assertTrue(html.indexOf("data-line=\"36\"") < html.indexOf("data-line=\"31\""), "highest score first");
        assertTrue(html.contains("<code>send_email</code></td><td class=\"num\">20</td><td class=\"num\" data-v=\"16\">"));
        assertTrue(html.contains("<code>(plan)</code></td><td class=\"num\">20</td>"));
        assertTrue(html.contains("fake-model"));
        assertTrue(html.contains("id=\"fail-mode\">OPEN"));
        assertTrue(html.contains("<tr><td>coercion</td><td class=\"num\">0.500</td><td class=\"num\">off</td>"
                + "<td class=\"num\">off</td></tr>"), "thresholds resolved against the model, off shown");
        assertTrue(html.contains("<tr><td><code>send_email</code></td><td>blackmail</td><td class=\"num\">0.500</td>"
                + "<td class=\"num\">0.700</td><td class=\"num\">0.800</td></tr>"), "per-tool override");
        assertTrue(html.contains("<section id=\"errors\">") && html.contains("empty line"));
    }

    @Test
    void aDecisionWithoutEvidenceShowsTheGuardsReason() throws Exception {
        ReportAggregator agg = new ReportAggregator(5);
        String why = "input of 300000 characters exceeds max-input-chars 200000; only the first 200000 were scored";
        agg.add(1, "big", "send_email", Verdict.builder(Decision.BLOCK, Cause.POLICY)
                .scores(Map.of(Category.BLACKMAIL, 0.01)).modelId("fake").warning(why).build(), List::of);
        String html = render(agg, meta(5));
        assertTrue(html.contains("<span class=\"note\">" + why + "</span>"), "the oversize reason is shown");
    }

    /** 100,000 lines, 1,000 distinct tools, long hostile text: the page stays small and lists exactly top-N. */
    @Test
    void reportSizeIsBoundedForOneHundredThousandLines() throws Exception {
        Random random = new Random(42);
        String filler = "\"<quoted> & 'marked' text\" ".repeat(100); // ~2,700 chars, worst-case escaping
        String[] tools = new String[1000];
        for (int t = 0; t < tools.length; t++) {
            tools[t] = "tool-" + t + filler;
        }
        int[] built = {0};
        ReportAggregator agg = new ReportAggregator(100);
        long t0 = System.nanoTime();
        for (int i = 1; i <= 100_000; i++) {
            double s = random.nextDouble();
            Decision d = s > 0.9 ? Decision.BLOCK : s > 0.7 ? Decision.REQUIRE_APPROVAL : s > 0.5 ? Decision.FLAG
                    : Decision.ALLOW;
            List<Evidence> evidence = new ArrayList<>();
            for (Category c : Category.values()) {
                evidence.add(new Evidence(c, s, ScoredField.TEXT, null, 1000, 1400, "x"));
            }
            Verdict v = verdict(d, s, evidence);
            if (i % 10 == 0) {
                agg.error(i, "e" + i, filler);
            } else {
                agg.add(i, "line-" + i + filler.substring(0, 200), tools[i % 1000], v, () -> {
                    built[0]++;
                    return EvidenceContext.of(AgentAction.message(filler), v.evidence());
                });
            }
        }
        StringWriter out = new StringWriter();
        HtmlReport.write(agg, meta(100), out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String html = out.toString();
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("100k lines: report %,d bytes, aggregate + render %.2f s, evidence built %d times%n",
                bytes, seconds, built[0]);
        assertEquals(100, count(html, "<tr class=\"item "));
        assertEquals(300, count(html, "<mark>"));
        String toolSection = html.substring(html.indexOf("<section id=\"tools\">"), html.indexOf("<section id=\"errors\">"));
        assertEquals(ReportAggregator.MAX_SOURCES + 1, count(toolSection, "<tr><td"), "200 tools and the pooled rest");
        assertTrue(toolSection.contains("<tfoot><tr><td>all other tools</td><td class=\"num\">70,000</td>"), "900 tools "
                + "in 90,000 lines, 100 lines each; 200 listed");
        assertTrue(bytes < 2_000_000, "report is " + bytes + " bytes");
        assertTrue(built[0] < 2_000, "evidence was built for " + built[0] + " lines; only candidates for the top need it");
        assertNoInjectedMarkup(html);
    }
}
