package dev.alignguard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One report page being written, with what the scan and corpus-audit reports share: the frame and header (under
 * {@link HtmlReport}'s style sheet, script and Content-Security-Policy), the count cards, the per-source table,
 * the unreadable-input table and evidence marked in context. Markup goes through {@link #raw}, every variable
 * string through {@link #text}, so nothing from the input reaches the page unescaped.
 */
abstract class HtmlPage {
    final Writer out;

    HtmlPage(Writer out) {
        this.out = out;
    }

    /** The writing of the whole page, from {@link #header} to {@link HtmlReport#end}. */
    abstract void page() throws IOException;

    /** Writes the page to {@code out} (not closed) and flushes it; an escape's I/O failure is rethrown as such. */
    final void render() throws IOException {
        try {
            page();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /**
     * Starts the page and writes its header up to the model's name: the title, the input, {@code read} (what was
     * read, counted: "12 lines scanned"), the time taken and when the page was generated. The caller ends the
     * header.
     */
    final void header(String title, String input, String read, double seconds, Instant generated, String model)
            throws IOException {
        HtmlReport.start(out, title);
        raw("<header><h1>");
        text(title);
        raw("</h1>\n<p class=\"note\">input <code>");
        text(input);
        raw("</code> &middot; ").raw(read).raw(" in ").raw(String.format(Locale.ROOT, "%.1f s", seconds))
                .raw(" &middot; generated ");
        text(generated.truncatedTo(ChronoUnit.SECONDS).toString());
        raw(" &middot; model <code>");
        text(model);
        raw("</code>");
    }

    /** A count card: {@code n} of {@code total}, coloured by the CSS class {@code d-cls}. */
    final void card(String cls, String label, long n, long total) throws IOException {
        raw("<div class=\"card d-").raw(cls).raw("\"><div class=\"n\" id=\"count-").raw(cls).raw("\">")
                .raw(count(n)).raw("</div><div>").raw(label).raw("</div><div class=\"p\">")
                .raw(percent(n, total)).raw("</div></div>\n");
    }

    /**
     * The body and end of a per-source table whose head is written: a row per source with {@code cells} of its
     * counts, then a footer row {@code otherLabel} for the pooled rest when it counts anything.
     */
    final void sourceRows(List<Map.Entry<String, long[]>> rows, long[] other, String otherLabel, Cells cells)
            throws IOException {
        for (Map.Entry<String, long[]> row : rows) {
            raw("<tr><td class=\"id\"><code>");
            text(row.getKey());
            raw("</code></td>");
            cells.write(row.getValue());
            raw("</tr>\n");
        }
        raw("</tbody>");
        if (total(other) > 0) {
            raw("<tfoot><tr><td>").raw(otherLabel).raw("</td>");
            cells.write(other);
            raw("</tr></tfoot>");
        }
        raw("</table></section>\n");
    }

    /** Writes the cells of one row of counts. */
    @FunctionalInterface
    interface Cells {
        void write(long[] counts) throws IOException;
    }

    /**
     * The section listing the first unreadable inputs, when there are any: {@code heading} ("Unreadable lines")
     * and a note that {@code errors} {@code couldNot} ("lines could not be read").
     */
    final void errorTable(String heading, String couldNot, long errors, List<ReportAggregator.ErrorLine> first)
            throws IOException {
        if (errors == 0) {
            return;
        }
        raw("<section id=\"errors\"><h2>").raw(heading).raw("</h2>\n<p class=\"note\">").raw(count(errors))
                .raw(" ").raw(couldNot).raw("; the first ").raw(count(first.size()))
                .raw(":</p>\n<table class=\"wide\"><thead><tr><th class=\"num\">line</th><th>id</th><th>error</th>"
                        + "</tr></thead><tbody>\n");
        for (ReportAggregator.ErrorLine e : first) {
            raw("<tr><td class=\"num\">").raw(Long.toString(e.line())).raw("</td><td class=\"id\">");
            text(e.id() == null ? "" : e.id());
            raw("</td><td>");
            text(e.message());
            raw("</td></tr>\n");
        }
        raw("</tbody></table></section>\n");
    }

    /** An evidence context, its span marked, closing the evidence block the caller opened. */
    final void marked(String before, String span, String after) throws IOException {
        text(before);
        raw("<mark>");
        text(span);
        raw("</mark>");
        text(after);
        raw("</div></div>");
    }

    /** Markup the page wrote itself: never a string from the input, the config or the command line. */
    final HtmlPage raw(String markup) throws IOException {
        out.write(markup);
        return this;
    }

    /** Any variable string, escaped. */
    final void text(String s) {
        Html.escape(s, out);
    }

    static String count(long n) {
        return HtmlHistogram.count(n);
    }

    static String percent(long n, long total) {
        return total == 0 ? "&nbsp;" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / total);
    }

    static String score(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static long total(long[] counts) {
        long t = 0;
        for (long n : counts) {
            t += n;
        }
        return t;
    }
}
