package dev.alignguard.core;

import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.policy.ThresholdPolicy;
import dev.alignguard.core.text.Chunker;
import dev.alignguard.core.text.DecodedViews;
import dev.alignguard.core.text.FieldText;
import dev.alignguard.core.text.NormalizedText;
import dev.alignguard.core.text.TextNormalizer;
import dev.alignguard.core.text.ToolCallText;
import dev.alignguard.core.text.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One call of {@link Guard#checkAll}: extract fields, normalise, chunk, score every distinct window in
 * batches under the deadline, max-pool per field, apply the policy, and build verdicts with evidence. Not
 * shared between threads; a new run per call.
 */
final class CheckRun {
    private static final int SNIPPET_CHARS = 640;

    record Settings(Chunker chunker, int batchSize) {
    }

    /**
     * One scored field of one action. {@code field} is what evidence quotes: the original field, also when the
     * text scored is a folded or blanked copy of it (both keep every offset).
     */
    private static final class Part {
        final int action;
        final FieldText field;
        final NormalizedText normalized;
        final List<Window> windows;
        final int[] windowText; // index into the distinct texts

        Part(int action, FieldText field, NormalizedText normalized, List<Window> windows) {
            this.action = action;
            this.field = field;
            this.normalized = normalized;
            this.windows = windows;
            this.windowText = new int[windows.size()];
        }
    }

    private final List<? extends AgentAction> actions;
    private final Policy policy;
    private final ThresholdPolicy thresholds;
    private final Classifier classifier;
    private final Settings settings;
    private final long started = System.nanoTime();
    private final long deadline;
    private final List<List<String>> warnings = new ArrayList<>();
    private final List<Boolean> oversized = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, Integer> distinct = new LinkedHashMap<>();
    private Cause failure;
    private String failureMessage;

    CheckRun(List<? extends AgentAction> actions, Policy policy, ThresholdPolicy thresholds, Classifier classifier,
             Settings settings, Duration timeout) {
        this.actions = actions;
        this.policy = policy;
        this.thresholds = thresholds;
        this.classifier = classifier;
        this.settings = settings;
        this.deadline = started + timeout.toNanos();
    }

    /** The cause when scoring failed (ERROR or TIMEOUT), null when it succeeded. */
    Cause failure() {
        return failure;
    }

    /** The text of action {@code i} as scored (fields joined), for hashing and raw-text audit. */
    String textOf(int i) {
        return texts.get(i);
    }

    List<Verdict> execute() {
        for (int i = 0; i < actions.size(); i++) {
            prepare(i, actions.get(i));
        }
        float[][] scores = scoreDistinct();
        List<Verdict> out = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            out.add(scores == null ? failed(i) : verdict(i, scores));
        }
        return out;
    }

    private void prepare(int index, AgentAction action) {
        List<String> w = new ArrayList<>(1);
        List<FieldText> fields;
        if (action instanceof AgentAction.ToolCall call) {
            ToolCallText.Result r = ToolCallText.extract(call);
            fields = r.fields();
            w.addAll(r.warnings());
        } else {
            fields = List.of(FieldText.whole(ScoredField.TEXT, ((AgentAction.TextAction) action).text()));
        }
        StringBuilder joined = new StringBuilder();
        int partsBefore = parts.size();
        int budget = policy.maxInputChars();
        int total = 0;
        boolean over = false;
        for (FieldText f : fields) {
            // the whole-action view repeats the other fields: it gets the budget of its own, and counts once
            boolean repeat = f.field() == ScoredField.ACTION;
            String text = f.text();
            if (!repeat) {
                total += text.length();
                joined.append(text).append('\u0000');
            }
            int allowed = repeat ? policy.maxInputChars() : budget;
            if (text.length() > allowed) {
                over |= !repeat;
                text = text.substring(0, cutBefore(text, allowed));
            }
            if (!repeat) {
                budget -= text.length();
            }
            FieldText scored = text.length() == f.text().length() ? f
                    : new FieldText(f.field(), text, f.segments(), f.decodedFrom());
            FieldText folded = DecodedViews.folded(scored);
            if (folded != null) {
                note(w, "look-alike or leetspeak characters in the " + f.field().name().toLowerCase(Locale.ROOT)
                        + " were folded to plain letters before scoring");
            }
            List<DecodedViews.View> views = DecodedViews.of(scored);
            if (views.stream().noneMatch(DecodedViews.View::replacesField)) {
                addPart(index, DecodedViews.withoutEncodedRuns(folded != null ? folded : scored, views), scored, w);
            }
            for (DecodedViews.View view : views) {
                note(w, (view.replacesField() ? "scored the decoded " : "also scored ") + view.reason()
                        + " found in the " + f.field().name().toLowerCase(Locale.ROOT));
                addPart(index, view.text(), view.text(), w);
            }
        }
        if (over) {
            w.add("input of " + total + " characters exceeds max-input-chars " + policy.maxInputChars()
                    + "; only the first " + policy.maxInputChars() + " were scored");
        }
        if (parts.size() == partsBefore) {
            w.add("nothing to score: the action's text is empty after normalisation");
        }
        warnings.add(w);
        oversized.add(over);
        texts.add(joined.toString());
    }

    /** {@code limit} clipped to [0, length], moved back one char rather than split a surrogate pair. */
    private static int cutBefore(String text, int limit) {
        int cut = Math.max(0, limit);
        return cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
    }

    private static void note(List<String> warnings, String note) {
        if (!warnings.contains(note)) {
            warnings.add(note);
        }
    }

    private void addPart(int index, FieldText field, FieldText quoted, List<String> w) {
        NormalizedText n = TextNormalizer.normalize(field.text());
        if (n.replacedSurrogates() > 0) {
            note(w, n.replacedSurrogates() + " unpaired UTF-16 surrogate(s) replaced before scoring");
        }
        if (n.text().isEmpty()) {
            return;
        }
        Part part = new Part(index, quoted, n, settings.chunker().windows(n));
        for (int k = 0; k < part.windows.size(); k++) {
            Window win = part.windows.get(k);
            String t = n.text().substring(win.start(), win.end());
            part.windowText[k] = distinct.computeIfAbsent(t, key -> distinct.size());
        }
        parts.add(part);
    }

    /** Scores every distinct window; null (with {@link #failure} set) when the classifier fails or time runs out. */
    private float[][] scoreDistinct() {
        List<String> all = new ArrayList<>(distinct.keySet());
        int labels = classifier.info().labels().size();
        float[][] out = new float[all.size()][];
        int batch = settings.batchSize();
        for (int from = 0; from < all.size(); from += batch) {
            if (Thread.currentThread().isInterrupted()) {
                return fail(Cause.ERROR, "interrupted before scoring finished");
            }
            if (System.nanoTime() - deadline > 0) {
                return fail(Cause.TIMEOUT, "deadline passed after " + from + " of " + all.size() + " windows");
            }
            List<String> chunk = all.subList(from, Math.min(all.size(), from + batch));
            try {
                float[][] s = classifier.score(chunk);
                if (s == null || s.length != chunk.size()) {
                    throw new ClassifierException("classifier returned " + (s == null ? "null" : s.length + " rows")
                            + " for " + chunk.size() + " texts");
                }
                for (int j = 0; j < s.length; j++) {
                    checkRow(s[j], labels);
                    out[from + j] = s[j];
                }
            } catch (ClassifierException | RuntimeException e) {
                return fail(Cause.ERROR, "classifier failed: " + e);
            }
        }
        return out;
    }

    private static void checkRow(float[] row, int labels) throws ClassifierException {
        if (row == null || row.length != labels) {
            throw new ClassifierException("classifier returned a row of " + (row == null ? "null" : row.length)
                    + " scores, expected " + labels);
        }
        for (float f : row) {
            if (!(f >= 0f && f <= 1f)) {
                throw new ClassifierException("classifier returned a score outside [0, 1]: " + f);
            }
        }
    }

    private float[][] fail(Cause cause, String message) {
        failure = cause;
        failureMessage = message;
        return null;
    }

    private Verdict failed(int i) {
        List<String> w = new ArrayList<>(warnings.get(i));
        w.add(failureMessage + "; fail mode " + policy.failMode() + " applied");
        return new Verdict(policy.failMode().decision(), failure, Map.of(), List.of(), List.of(),
                classifier.info().id(), elapsed(), w);
    }

    private Verdict verdict(int i, float[][] scores) {
        List<Category> labels = classifier.info().labels();
        String tool = actions.get(i) instanceof AgentAction.ToolCall call ? call.tool() : null;
        Map<Category, Double> best = new EnumMap<>(Category.class);
        for (Category c : labels) {
            best.put(c, 0.0);
        }
        Map<Category, Evidence> evidence = new HashMap<>();
        List<Reason> reasons = new ArrayList<>();
        Decision decision = Decision.ALLOW;
        for (Part p : parts) {
            if (p.action != i) {
                continue;
            }
            Map<Category, Double> fieldScores = new EnumMap<>(Category.class);
            Map<Category, Integer> argmax = new EnumMap<>(Category.class);
            for (int k = 0; k < p.windows.size(); k++) {
                float[] row = scores[p.windowText[k]];
                for (int l = 0; l < labels.size(); l++) {
                    Category c = labels.get(l);
                    if (row[l] > fieldScores.getOrDefault(c, -1.0)) {
                        fieldScores.put(c, (double) row[l]);
                        argmax.put(c, k);
                    }
                }
            }
            for (Reason r : thresholds.reasons(tool, p.field.field(), fieldScores)) {
                reasons.add(r);
                decision = decision.max(r.decision());
                Evidence prev = evidence.get(r.category());
                if (prev == null || prev.score() < r.score()) {
                    evidence.put(r.category(), evidence(r.category(), r.score(), p, argmax.get(r.category())));
                }
            }
            fieldScores.forEach((c, s) -> best.merge(c, s, Math::max));
        }
        if (oversized.get(i)) {
            decision = decision.max(policy.onOversize());
        }
        List<Evidence> ev = new ArrayList<>(evidence.values());
        ev.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new Verdict(decision, Cause.POLICY, best, reasons, ev, classifier.info().id(), elapsed(),
                warnings.get(i));
    }

    private static Evidence evidence(Category c, double score, Part p, int windowIndex) {
        Window w = p.windows.get(windowIndex);
        int from = p.normalized.originalStart(w.start());
        int to = p.normalized.originalEnd(w.end());
        FieldText.Span span = p.field.toOriginal(from, to);
        ScoredField quoted = p.field.field() == ScoredField.ACTION ? ScoredField.ARGUMENTS : p.field.field();
        if (span == null) { // the window holds only the tool name and argument keys
            return new Evidence(c, score, quoted, null, 0, 0, "");
        }
        String snippet = span.text().length() <= SNIPPET_CHARS ? span.text()
                : span.text().substring(0, SNIPPET_CHARS) + "...";
        return new Evidence(c, score, span.origin() != null ? span.origin() : quoted, span.path(), span.start(),
                span.end(), snippet);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
