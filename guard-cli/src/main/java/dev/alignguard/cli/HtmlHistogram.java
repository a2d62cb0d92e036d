package dev.alignguard.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A score histogram as an inline SVG figure for the HTML reports: one bar per bin of [0, 1] on a log scale,
 * dashed markers at thresholds, axis labels. Only numbers and the caller's fixed labels go into the markup; the
 * caption is escaped.
 */
final class HtmlHistogram {
    private static final int W = 14;
    private static final int H = 100;
    private static final int X = 44;
    private static final int Y = 12;

    /** A dashed line at {@code value} with CSS class {@code th-<css>} and a tooltip. */
    record Marker(double value, String css, String title) {
    }

    private HtmlHistogram() {
    }

    /** Writes {@code <figure id="hist-<id>">} with {@code bins} (counts per equal-width bin of [0, 1]). */
    static void write(Writer out, String id, String caption, long[] bins, List<Marker> markers) throws IOException {
        long max = 0;
        long sum = 0;
        for (long b : bins) {
            max = Math.max(max, b);
            sum += b;
        }
        int w = W * bins.length;
        out.write("<figure id=\"hist-" + id + "\"><figcaption>");
        Html.escape(caption, out);
        out.write(" <span class=\"note\">(" + count(sum) + " scored)</span></figcaption>\n<svg width=\""
                + (w + X + 12) + "\" height=\"" + (H + Y + 20) + "\" role=\"img\" aria-label=\"");
        Html.escape(caption, out);
        out.write(" score histogram\">");
        for (int i = 0; i < bins.length; i++) {
            double h = max == 0 ? 0 : H * Math.log1p(bins[i]) / Math.log1p(max);
            out.write("<rect class=\"bar\" x=\"" + (X + i * W + 1) + "\" y=\"" + fmt(Y + H - h) + "\" width=\""
                    + (W - 2) + "\" height=\"" + fmt(h) + "\"><title>" + fmt((double) i / bins.length) + "-"
                    + fmt((double) (i + 1) / bins.length) + ": " + count(bins[i]) + "</title></rect>");
        }
        String base = Integer.toString(Y + H);
        out.write("<line class=\"axis\" x1=\"" + X + "\" y1=\"" + base + "\" x2=\"" + (X + w) + "\" y2=\"" + base
                + "\"/>");
        for (Marker m : markers) {
            String x = fmt(X + m.value() * w);
            out.write("<line class=\"th th-" + m.css() + "\" x1=\"" + x + "\" y1=\"" + (Y - 6) + "\" x2=\"" + x
                    + "\" y2=\"" + (Y + H) + "\"><title>" + m.title() + "</title></line>");
        }
        String labelY = Integer.toString(Y + H + 13);
        out.write("<text x=\"" + X + "\" y=\"" + labelY + "\" text-anchor=\"middle\">0</text><text x=\""
                + (X + w / 2) + "\" y=\"" + labelY + "\" text-anchor=\"middle\">0.5</text><text x=\"" + (X + w)
                + "\" y=\"" + labelY + "\" text-anchor=\"middle\">1</text><text x=\"" + (X - 4) + "\" y=\"" + (Y + 4)
                + "\" text-anchor=\"end\">" + count(max) + "</text><text x=\"" + (X - 4) + "\" y=\"" + base
                + "\" text-anchor=\"end\">0</text></svg></figure>\n");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
