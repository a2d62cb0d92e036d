package dev.alignguard.core.internal.verdict;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Evidence;
import dev.alignguard.core.Policy;
import dev.alignguard.core.Reason;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.internal.policy.ThresholdPolicy;
import dev.alignguard.core.text.Chunking;
import dev.alignguard.core.text.ScoredText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One call of {@code Guard.checkAll}: the {@link ScoredText} of every action, every distinct window scored in
 * batches under the deadline, max-pooled per part, the policy applied, verdicts built with evidence. Not shared
 * between threads; a new run per call.
 */
public final class CheckRun {

    /** How the guard cuts text and how many windows go to the classifier per call. */
    public record Settings(Chunking chunking, int batchSize) {
    }

    /** One scored part of one action, with the index of each of its windows among the distinct texts. */
    private record Indexed(int action, ScoredText.Part part, int[] windowText) {
    }

    private final List<? extends AgentAction> actions;
    private final Policy policy;
    private final ThresholdPolicy thresholds;
    private final Classifier classifier;
    private final Settings settings;
    private final long started = System.nanoTime();
    private final long deadline;
    private final List<ScoredText> texts = new ArrayList<>();
    private final List<Indexed> parts = new ArrayList<>();
    private final Map<String, Integer> distinct = new LinkedHashMap<>();
    private Cause failure;
    private String failureMessage;

    /** A run over {@code actions}; the deadline starts now. */
    public CheckRun(List<? extends AgentAction> actions, Policy policy, ThresholdPolicy thresholds,
                    Classifier classifier, Settings settings, Duration timeout) {
        this.actions = actions;
        this.policy = policy;
        this.thresholds = thresholds;
        this.classifier = classifier;
        this.settings = settings;
        this.deadline = started + timeout.toNanos();
    }

    /** The cause when scoring failed (ERROR or TIMEOUT), null when it succeeded. */
    public Cause failure() {
        return failure;
    }

    /** The text of action {@code i} as scored (fields joined), for hashing and raw-text audit. */
    public String textOf(int i) {
        return texts.get(i).text();
    }

    /** One verdict per action, in order: the policy's, or the fail mode's when scoring failed. */
    public List<Verdict> execute() {
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
        ScoredText text = ScoredText.of(action, settings.chunking(), policy.maxInputChars());
        texts.add(text);
        for (ScoredText.Part part : text.parts()) {
            int[] windowText = new int[part.windows().size()];
            for (int k = 0; k < windowText.length; k++) {
                windowText[k] = distinct.computeIfAbsent(part.windows().get(k), key -> distinct.size());
            }
            parts.add(new Indexed(index, part, windowText));
        }
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
        return Verdict.builder(policy.failMode().decision(), failure).modelId(classifier.info().id())
                .elapsed(elapsed()).warnings(texts.get(i).warnings())
                .warning(failureMessage + "; fail mode " + policy.failMode() + " applied").build();
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
        UnaryOperator<float[]> combine = classifier.forAction(texts.get(i).actionText());
        for (Indexed p : parts) {
            if (p.action() != i) {
                continue;
            }
            Map<Category, Double> fieldScores = new EnumMap<>(Category.class);
            Map<Category, Integer> argmax = new EnumMap<>(Category.class);
            for (int k = 0; k < p.windowText().length; k++) {
                float[] row = combine.apply(scores[p.windowText()[k]]);
                for (int l = 0; l < labels.size(); l++) {
                    Category c = labels.get(l);
                    if (row[l] > fieldScores.getOrDefault(c, -1.0)) {
                        fieldScores.put(c, (double) row[l]);
                        argmax.put(c, k);
                    }
                }
            }
            for (Reason r : thresholds.reasons(tool, p.part().field(), fieldScores)) {
                reasons.add(r);
                decision = decision.max(r.decision());
                Evidence prev = evidence.get(r.category());
                if (prev == null || prev.score() < r.score()) {
                    evidence.put(r.category(), p.part().evidence(argmax.get(r.category()), r.category(), r.score()));
                }
            }
            fieldScores.forEach((c, s) -> best.merge(c, s, Math::max));
        }
        if (texts.get(i).oversized()) {
            decision = decision.max(policy.onOversize());
        }
        List<Evidence> ev = new ArrayList<>(evidence.values());
        ev.sort((a, b) -> Double.compare(b.score(), a.score()));
        return Verdict.builder(decision, Cause.POLICY).scores(best).reasons(reasons).evidence(ev)
                .modelId(classifier.info().id()).elapsed(elapsed()).warnings(texts.get(i).warnings()).build();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
