package dev.alignguard.core.corpus;

import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.internal.normalize.NormalizedText;
import dev.alignguard.core.internal.normalize.TextNormalizer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds the passages of a corpus that portray AI systems as malevolent. A document of any length is normalised
 * as the guard normalises text (offsets into the original kept), cut into overlapping windows of whole words
 * ({@code windowTokens} tokens of the model, a new window every {@code strideTokens} tokens) and every window
 * is scored by the {@link PassageScorer}; the document's score is its highest window, and the windows at or over
 * the threshold, merged where they overlap, are its spans. {@link #auditAll} streams a corpus through it in
 * input order with bounded memory. Immutable and thread-safe.
 */
public final class CorpusAuditor {
    /** The most characters of a span's text a {@link DocumentAudit.Span#snippet()} holds. */
    public static final int SNIPPET_CHARS = 640;
    /** The distance between window starts, in tokens, for a model that recommends none (half a 128-token window). */
    public static final int DEFAULT_STRIDE_TOKENS = 64;
    /** The default number of spans reported per document. */
    public static final int DEFAULT_TOP_SPANS = 3;
    private static final int BATCH = 8;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PassageScorer scorer;
    private final double threshold;
    private final int windowTokens;
    private final int strideTokens;
    private final int topSpans;

    private CorpusAuditor(Builder b, double threshold, int windowTokens, int strideTokens) {
        this.scorer = b.scorer;
        this.threshold = threshold;
        this.windowTokens = windowTokens;
        this.strideTokens = strideTokens;
        this.topSpans = b.topSpans;
    }

    /** A builder for an auditor scoring with {@code scorer} (not closed by the auditor). */
    public static Builder builder(PassageScorer scorer) {
        return new Builder(Objects.requireNonNull(scorer, "scorer"));
    }

    /** The probability at or over which a window counts (the given one, or the model's recommended one). */
    public double threshold() {
        return threshold;
    }

    /** Tokens of text per window. */
    public int windowTokens() {
        return windowTokens;
    }

    /** Tokens between the starts of neighbouring windows. */
    public int strideTokens() {
        return strideTokens;
    }

    /** The model, as {@code id version}. */
    public String model() {
        return scorer.model();
    }

    /**
     * Audits one document of any length.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws ClassifierException  when the scorer fails, returns a score outside [0, 1] or reports invalid words
     */
    public DocumentAudit audit(String text) throws ClassifierException {
        NormalizedText normalized = TextNormalizer.normalize(Objects.requireNonNull(text, "text"));
        int[] windows;
        try {
            windows = TokenWindows.cut(normalized.text(), scorer, windowTokens, strideTokens);
        } catch (RuntimeException e) {
            throw new ClassifierException("tokenizer failed: " + e.getMessage(), e);
        }
        float[] scores = score(normalized.text(), windows);
        double max = 0;
        int over = 0;
        for (float s : scores) {
            max = Math.max(max, s);
            over += s >= threshold ? 1 : 0;
        }
        return new DocumentAudit(max, scores.length, over, spans(text, normalized, windows, scores));
    }

    private float[] score(String normalized, int[] windows) throws ClassifierException {
        int count = windows.length / 2;
        float[] scores = new float[count];
        List<String> batch = new ArrayList<>(BATCH);
        for (int from = 0; from < count; from += BATCH) {
            batch.clear();
            for (int w = from; w < Math.min(count, from + BATCH); w++) {
                batch.add(normalized.substring(windows[2 * w], windows[2 * w + 1]));
            }
            float[] got = scorer.score(normalized, batch);
            if (got == null || got.length != batch.size()) {
                throw new ClassifierException("model " + scorer.model() + " returned " + (got == null ? "no"
                        : got.length) + " scores for " + batch.size() + " passages");
            }
            for (int i = 0; i < got.length; i++) {
                if (!(got[i] >= 0 && got[i] <= 1)) {
                    throw new ClassifierException("model " + scorer.model() + " returned " + got[i]
                            + ", not a probability");
                }
                scores[from + i] = got[i];
            }
        }
        return scores;
    }

    /** Runs of overlapping windows at or over the threshold, highest first, at most {@code topSpans}. */
    private List<DocumentAudit.Span> spans(String original, NormalizedText normalized, int[] windows,
                                           float[] scores) {
        if (topSpans == 0) {
            return List.of();
        }
        List<double[]> runs = new ArrayList<>(); // {start, end, score} in the normalised text
        double[] run = null;
        for (int w = 0; w < scores.length; w++) {
            if (scores[w] < threshold) {
                continue;
            }
            if (run != null && windows[2 * w] < run[1]) {
                run[1] = Math.max(run[1], windows[2 * w + 1]);
                run[2] = Math.max(run[2], scores[w]);
            } else {
                run = new double[] {windows[2 * w], windows[2 * w + 1], scores[w]};
                runs.add(run);
            }
        }
        runs.sort(Comparator.comparingDouble((double[] r) -> -r[2]).thenComparingDouble(r -> r[0]));
        List<DocumentAudit.Span> out = new ArrayList<>(Math.min(topSpans, runs.size()));
        for (double[] r : runs.subList(0, Math.min(topSpans, runs.size()))) {
            int start = normalized.originalStart((int) r[0]);
            int end = normalized.originalEnd((int) r[1]);
            out.add(new DocumentAudit.Span(start, end, r[2], snippet(original, start, end)));
        }
        return out;
    }

    private static String snippet(String original, int start, int end) {
        if (end - start <= SNIPPET_CHARS) {
            return original.substring(start, end);
        }
        int cut = start + SNIPPET_CHARS;
        if (Character.isHighSurrogate(original.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return original.substring(start, cut) + "...";
    }

    /**
     * The result for one input unit: its audit, or an error line for unreadable input and for a scorer that
     * fails on it. Never throws: one failing document does not stop a corpus.
     */
    public CorpusResult result(CorpusDocument document) {
        if (document.error() != null) {
            return new CorpusResult(document, null, document.error());
        }
        try {
            return new CorpusResult(document, audit(document.text()), null);
        } catch (ClassifierException e) {
            return new CorpusResult(document, null, "scoring failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return new CorpusResult(document, null, "internal error: " + e);
        }
    }

    /**
     * Audits every document {@code in} gives and hands one result per document to {@code out}, in input order.
     * With {@code threads > 1}, documents are audited on a pool of that many threads, created for this call and
     * shut down before it returns; at most {@code 2 * threads} documents are held at any time, so memory stays
     * bounded whatever the corpus size. {@code in} and {@code out} are only called from the calling thread.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     * @throws IOException              when {@code in} or {@code out} fails (the audit stops)
     * @throws InterruptedException     when the calling thread is interrupted (the audit stops)
     */
    public void auditAll(DocumentSource in, ResultSink out, int threads) throws IOException, InterruptedException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        CorpusDocument document;
        if (threads == 1) {
            while ((document = in.next()) != null) {
                out.accept(result(document));
            }
            return;
        }
        String name = "alignguard-corpus-" + POOLS.incrementAndGet() + "-";
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Pending> inFlight = new ArrayDeque<>(2 * threads);
            while ((document = in.next()) != null) {
                if (inFlight.size() == 2 * threads) {
                    out.accept(inFlight.poll().get());
                }
                CorpusDocument d = document;
                inFlight.add(new Pending(d, pool.submit(() -> result(d))));
            }
            while (!inFlight.isEmpty()) {
                out.accept(inFlight.poll().get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A document being audited on the pool. */
    private record Pending(CorpusDocument document, Future<CorpusResult> future) {
        CorpusResult get() throws InterruptedException {
            try {
                return future.get();
            } catch (ExecutionException e) { // only an Error gets here: result() catches every exception
                return new CorpusResult(document, null, "internal error: " + e.getCause());
            }
        }
    }

    /** Where {@link #auditAll} reads documents: one at a time, null at the end. */
    @FunctionalInterface
    public interface DocumentSource {
        /** The next document (possibly an unreadable one), or null when there are no more. */
        CorpusDocument next() throws IOException;
    }

    /** Where {@link #auditAll} writes results, in input order. */
    @FunctionalInterface
    public interface ResultSink {
        /** Takes the next result. */
        void accept(CorpusResult result) throws IOException;
    }

    /**
     * Configures a {@link CorpusAuditor}: the threshold (required unless the model recommends one), window and
     * stride in tokens, and how many spans are kept per document. Checked in {@link #build()}.
     */
    public static final class Builder {
        private final PassageScorer scorer;
        private double threshold = Double.NaN;
        private int windowTokens;
        private int strideTokens;
        private int topSpans = DEFAULT_TOP_SPANS;

        private Builder(PassageScorer scorer) {
            this.scorer = scorer;
        }

        /** The probability at or over which a window counts (default: the model's recommended threshold). */
        public Builder threshold(double probability) {
            this.threshold = probability;
            return this;
        }

        /** Tokens of text per window, 1 to the model's maximum (default: the model's maximum). */
        public Builder windowTokens(int tokens) {
            this.windowTokens = tokens;
            return this;
        }

        /**
         * Tokens between window starts, 1 to the window length (default: the model's recommended stride, else 64;
         * the window when that is shorter).
         */
        public Builder strideTokens(int tokens) {
            this.strideTokens = tokens;
            return this;
        }

        /** Spans kept per document, 0 to 100 (default 3). */
        public Builder topSpans(int spans) {
            this.topSpans = spans;
            return this;
        }

        /**
         * The auditor.
         *
         * @throws IllegalArgumentException naming the value when one is out of its range, or when no threshold is
         *                                  given and the model recommends none
         */
        public CorpusAuditor build() {
            double t = threshold;
            if (Double.isNaN(t)) {
                t = scorer.recommendedThreshold().orElseThrow(() -> new IllegalArgumentException("model "
                        + scorer.model() + " recommends no ai_malevolence threshold: give one"));
            }
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1], got " + t);
            }
            int max = scorer.maxTokens();
            int window = windowTokens == 0 ? max : windowTokens;
            if (window < 1 || window > max) {
                throw new IllegalArgumentException("windowTokens must be between 1 and " + max + " (the model's "
                        + "maximum), got " + window);
            }
            int stride = strideTokens == 0
                    ? Math.min(scorer.recommendedStrideTokens().orElse(DEFAULT_STRIDE_TOKENS), window) : strideTokens;
            if (stride < 1 || stride > window) {
                throw new IllegalArgumentException("strideTokens must be between 1 and windowTokens (" + window
                        + "), got " + stride);
            }
            if (topSpans < 0 || topSpans > 100) {
                throw new IllegalArgumentException("topSpans must be between 0 and 100, got " + topSpans);
            }
            return new CorpusAuditor(this, t, window, stride);
        }
    }
}
