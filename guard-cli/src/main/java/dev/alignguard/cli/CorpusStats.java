package dev.alignguard.cli;

import dev.alignguard.core.corpus.CorpusResult;
import dev.alignguard.core.corpus.DocumentAudit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Streaming statistics of a corpus audit, in memory bounded independently of the corpus size: documents audited
 * and unreadable, documents at or over the threshold, windows, characters, a histogram of document scores, counts
 * per {@code source} (the first {@link #MAX_SOURCES}, the rest pooled), the first {@link #MAX_ERRORS} errors, and
 * the {@code top} highest-scoring documents over the threshold with their spans cut in context. Not thread-safe:
 * feed it from one thread. Serializable and {@linkplain #merge mergeable} so that guard-spark can aggregate each
 * partition and write the report the CLI would.
 */
public final class CorpusStats implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int BINS = ReportAggregator.BINS;
    static final int MAX_SOURCES = 200;
    static final int MAX_ERRORS = 20;
    /** Documents per source: audited, at or over the threshold, unreadable. */
    private static final int DOCS = 0;
    private static final int OVER = 1;
    private static final int ERRORS = 2;

    /** A document kept for the report: where it is, its scores, and its spans in context. */
    public record Item(long line, String id, String source, double score, int windows, int windowsOver,
                       List<Marked> spans) implements Serializable {
    }

    /** A span of a kept document: offsets into the original, score, and the bounded text to show. */
    public record Marked(int start, int end, double score, EvidenceContext.Cut text) implements Serializable {
    }

    private static final Comparator<Item> IMPORTANCE = (Comparator<Item> & Serializable) (a, b) -> {
        int c = Double.compare(a.score(), b.score());
        return c != 0 ? c : Long.compare(b.line(), a.line());
    };

    private final double threshold;
    private final int top;
    private final PriorityQueue<Item> kept;
    private final long[] histogram = new long[BINS];
    private final Map<String, long[]> sources = new LinkedHashMap<>();
    private final long[] otherSources = new long[3];
    private final List<ReportAggregator.ErrorLine> firstErrors = new ArrayList<>();
    private long documents;
    private long errors;
    private long over;
    private long windows;
    private long windowsOver;
    private long chars;

    /** Statistics for an audit at {@code threshold}, keeping at most {@code top} documents (0: none). */
    public CorpusStats(double threshold, int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must not be negative, got " + top);
        }
        this.threshold = threshold;
        this.top = top;
        this.kept = new PriorityQueue<>(Math.max(1, Math.min(top, 1024)) + 1, IMPORTANCE);
    }

    /** Counts a result of the CLI's audit; the original text is at hand, so kept spans show their context. */
    public void add(CorpusResult r) {
        String text = r.document().text();
        if (r.error() != null) {
            error(r.line(), r.document().id(), r.document().source(), r.error());
            return;
        }
        DocumentAudit a = r.audit();
        audited(r.line(), r.document().id(), r.document().source(), a, text.length(), span -> {
            int start = Math.min(span.start(), text.length());
            return EvidenceContext.cut(text, start, Math.max(start, Math.min(span.end(), text.length())));
        });
    }

    /**
     * Counts an audited document given by its parts (a result read back from an audit's output, without the
     * original text: kept spans show their snippets). {@code chars} is the document's length.
     */
    public void add(long line, String id, String source, DocumentAudit audit, long chars) {
        audited(line, id, source, audit, chars,
                span -> new EvidenceContext.Cut("", EvidenceContext.shorten(span.snippet()), ""));
    }

    /** Counts an input unit that could not be audited. */
    public void error(long line, String id, String source, String message) {
        errors++;
        source(source)[ERRORS]++;
        if (firstErrors.size() < MAX_ERRORS) {
            firstErrors.add(new ReportAggregator.ErrorLine(line, ReportAggregator.label(id),
                    ReportAggregator.label(message)));
        }
    }

    private void audited(long line, String id, String source, DocumentAudit a, long length,
                         Function<DocumentAudit.Span, EvidenceContext.Cut> cut) {
        documents++;
        windows += a.windows();
        windowsOver += a.windowsOver();
        chars += length;
        histogram[ReportAggregator.bin(a.score())]++;
        boolean isOver = a.score() >= threshold;
        long[] counts = source(source);
        counts[DOCS]++;
        if (isOver) {
            over++;
            counts[OVER]++;
        }
        if (!isOver || top == 0) {
            return;
        }
        if (kept.size() == top && IMPORTANCE.compare(kept.peek(), probe(line, a.score())) >= 0) {
            return;
        }
        List<Marked> spans = new ArrayList<>(a.spans().size());
        for (DocumentAudit.Span s : a.spans()) {
            spans.add(new Marked(s.start(), s.end(), s.score(), cut.apply(s)));
        }
        offer(new Item(line, ReportAggregator.label(id), ReportAggregator.label(source), a.score(), a.windows(),
                a.windowsOver(), spans));
    }

    private static Item probe(long line, double score) {
        return new Item(line, null, null, score, 0, 0, List.of());
    }

    private void offer(Item item) {
        kept.add(item);
        if (kept.size() > top) {
            kept.poll();
        }
    }

    private long[] source(String source) {
        if (source == null) {
            return new long[3]; // counted in the totals only
        }
        String label = ReportAggregator.label(source);
        long[] counts = sources.get(label);
        if (counts == null) {
            if (sources.size() >= MAX_SOURCES) {
                return otherSources;
            }
            counts = new long[3];
            sources.put(label, counts);
        }
        return counts;
    }

    /** Adds {@code other}'s counts and kept documents to these (same threshold and top). */
    public CorpusStats merge(CorpusStats other) {
        documents += other.documents;
        errors += other.errors;
        over += other.over;
        windows += other.windows;
        windowsOver += other.windowsOver;
        chars += other.chars;
        for (int i = 0; i < BINS; i++) {
            histogram[i] += other.histogram[i];
        }
        other.sources.forEach((name, counts) -> {
            long[] mine = source(name);
            for (int i = 0; i < counts.length; i++) {
                mine[i] += counts[i];
            }
        });
        for (int i = 0; i < otherSources.length; i++) {
            otherSources[i] += other.otherSources[i];
        }
        for (ReportAggregator.ErrorLine e : other.firstErrors) {
            if (firstErrors.size() < MAX_ERRORS) {
                firstErrors.add(e);
            }
        }
        firstErrors.sort(Comparator.comparingLong(ReportAggregator.ErrorLine::line));
        other.kept.forEach(this::offer);
        return this;
    }

    /** One line for the console: counts and throughput. */
    public String describe(double seconds) {
        return String.format(Locale.ROOT, "%,d documents audited (%,d at or over %.3f), %,d unreadable, %,d windows "
                        + "in %.1f s (%.1f documents/s, %.2f MB/s of text)", documents, over, threshold, errors,
                windows, seconds, seconds > 0 ? documents / seconds : 0, seconds > 0 ? chars / 1e6 / seconds : 0);
    }

    public double threshold() {
        return threshold;
    }

    public long documents() {
        return documents;
    }

    public long errors() {
        return errors;
    }

    public long over() {
        return over;
    }

    public long windows() {
        return windows;
    }

    public long windowsOver() {
        return windowsOver;
    }

    long[] histogram() {
        return histogram.clone();
    }

    /** Per source: documents audited, at or over the threshold, unreadable. */
    Map<String, long[]> sources() {
        return sources;
    }

    long[] otherSources() {
        return otherSources.clone();
    }

    List<ReportAggregator.ErrorLine> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /** The kept documents, highest score first. */
    public List<Item> top() {
        List<Item> items = new ArrayList<>(kept);
        items.sort(IMPORTANCE.reversed());
        return items;
    }
}
