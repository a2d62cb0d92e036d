package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Thresholds;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.classify.CacheSpec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the bundled model through the whole Java pipeline (extraction, normalisation, chunking, ONNX) on
 * the held-out test split, whose template families, names and companies the model never saw, and checks the
 * figures the model card ({@code alignguard-model.json}, {@code metrics.test_guard}, measured by
 * training/guard_eval.py through the CLI) claims: AUROC and recall may not fall below the claim, the
 * hard-negative false-positive rate may not rise above it. The pipeline is deterministic, so the margins are
 * small: a change to normalisation, chunking or the model that costs quality fails here.
 */
class HeldOutEvaluationTest {
    private static final Path TEST_SPLIT = Path.of("../training/data/corpus/test.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> RECORDS = new ArrayList<>();
    private static final List<Verdict> VERDICTS = new ArrayList<>();
    /** The verdicts with every window through the full model (the cascade's baseline). */
    private static final List<Verdict> FULL_MODEL = new ArrayList<>();
    private static JsonNode claims;
    private static JsonNode calibration;
    private static Guard guard;

    @BeforeAll
    static void scoreTestSplit() throws Exception {
        try (InputStream in = ModelBundle.class.getClassLoader()
                .getResourceAsStream(ModelBundle.CLASSPATH_LOCATION + "alignguard-model.json")) {
            JsonNode manifest = JSON.readTree(in);
            claims = manifest.path("metrics").path("test_guard");
            calibration = manifest.path("calibration");
        }
        OnnxClassifier cascade = OnnxClassifier.bundled();
        guard = guard(cascade);
        try (OnnxClassifier fullOnly = OnnxClassifier.load(ModelBundle.bundled(),
                OnnxClassifier.Options.DEFAULT.withScreening(false)); Guard full = guard(fullOnly)) {
            for (String line : Files.readAllLines(TEST_SPLIT)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode r = JSON.readTree(line);
                RECORDS.add(r);
                long cleared = cascade.clearedByScreen();
                Verdict v = guard.check(action(r), GuardContext.empty());
                VERDICTS.add(v);
                // a check in which the screen cleared nothing went entirely through the full model already
                FULL_MODEL.add(cascade.clearedByScreen() == cleared ? v : full.check(action(r), GuardContext.empty()));
            }
        }
    }

    private static Guard guard(OnnxClassifier classifier) {
        return Guard.builder().classifier(classifier).auditSink(e -> { })
                .config(new GuardConfig(dev.alignguard.core.Policy.defaults(), CacheSpec.DISABLED,
                        java.time.Duration.ofSeconds(30), false, ""))
                .build();
    }

    @AfterAll
    static void close() {
        guard.close();
    }

    /** The category's scores of its positive records ([0]) and of its negative records ([1]). */
    private static List<List<Double>> scoresBySide(List<Verdict> verdicts, Category c) {
        List<List<Double>> sides = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < RECORDS.size(); i++) {
            sides.get(positive(i, c) ? 0 : 1).add(verdicts.get(i).score(c));
        }
        return sides;
    }

    /** Recall of the category's positives above the score that 1% of its negatives exceed. */
    private static double recallAtOnePercentFpr(List<Verdict> verdicts, Category c) {
        List<List<Double>> sides = scoresBySide(verdicts, c);
        List<Double> neg = new ArrayList<>(sides.get(1));
        neg.sort(java.util.Comparator.reverseOrder());
        double threshold = neg.get((int) (0.01 * neg.size()));
        return sides.get(0).stream().filter(p -> p > threshold).count() / (double) sides.get(0).size();
    }

    @Test
    void recallAtOnePercentFprIsAtLeastWhatTheModelCardClaims() {
        for (Category c : Category.values()) {
            double got = recallAtOnePercentFpr(VERDICTS, c);
            double claimed = claims.path(c.id()).path("recall_at_1pct_fpr").asDouble(Double.NaN);
            report("recall@1%FPR", c, got, claimed);
            assertTrue(got >= claimed - 0.005, c.id() + ": recall at 1% FPR " + got + " < claimed " + claimed);
        }
    }

    /**
     * The screen's clear_below is fitted to cost at most 0.5 points of recall at 1% FPR on validation, since model
     * 0.9.1 on the scores after the n-gram member's stack (training/screen_refit.py; 0.9.0's was fitted against the
     * transformer alone and cost 1.6 points for self_preservation here). On this split the cascade still costs 1.3
     * points for self_preservation: the screen's gap between validation and test, not the member (a 0.2-point budget
     * would hold it to 0.4 but send about 70% more benign public calls to the transformer). Hence two points.
     */
    @Test
    void cascadeCostsAtMostTwoPointsOfRecallAtOnePercentFprAgainstTheFullModel() {
        for (Category c : Category.values()) {
            double cascade = recallAtOnePercentFpr(VERDICTS, c);
            double full = recallAtOnePercentFpr(FULL_MODEL, c);
            System.out.printf(Locale.ROOT, "held-out recall@1%%FPR %-18s cascade %.3f  full model alone %.3f%n",
                    c.id(), cascade, full);
            assertTrue(cascade >= full - 0.02, c.id() + ": cascade recall at 1% FPR " + cascade + " < full model "
                    + full + " - 0.02");
        }
    }

    static AgentAction action(JsonNode r) {
        switch (r.path("kind").asText()) {
            case "tool_call":
                JsonNode rationale = r.get("rationale");
                return AgentAction.toolCall(r.path("tool").asText(), r.path("arguments").toString(),
                        rationale == null || rationale.isNull() ? null : rationale.asText());
            case "plan":
                return AgentAction.plan(r.path("text").asText());
            case "output":
                return AgentAction.output(r.path("text").asText());
            default:
                return AgentAction.message(r.path("text").asText());
        }
    }

    private static boolean positive(int i, Category c) {
        return RECORDS.get(i).path("labels").path(c.id()).asInt() == 1;
    }

    static double auroc(List<Double> pos, List<Double> neg) {
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }

    @Test
    void aurocPerCategoryIsAtLeastWhatTheModelCardClaims() {
        for (Category c : Category.values()) {
            List<List<Double>> sides = scoresBySide(VERDICTS, c);
            double got = auroc(sides.get(0), sides.get(1));
            double claimed = claims.path(c.id()).path("auroc").asDouble(Double.NaN);
            report("AUROC", c, got, claimed);
            assertTrue(got >= claimed - 0.005, c.id() + ": AUROC " + got + " < claimed " + claimed);
        }
    }

    @Test
    void recallAtTheBlockAndFlagThresholdsIsAtLeastWhatTheModelCardClaims() {
        for (Category c : Category.values()) {
            Thresholds t = guard.model().recommendedThresholds().get(c);
            int pos = 0;
            int atBlock = 0;
            int atFlag = 0;
            for (int i = 0; i < RECORDS.size(); i++) {
                if (positive(i, c)) {
                    pos++;
                    double s = VERDICTS.get(i).score(c);
                    atBlock += s >= t.block() ? 1 : 0;
                    atFlag += s >= t.flag() ? 1 : 0;
                }
            }
            double block = (double) atBlock / pos;
            double flag = (double) atFlag / pos;
            double claimedBlock = claims.path(c.id()).path("recall_at_block").asDouble(Double.NaN);
            double claimedFlag = claims.path(c.id()).path("recall_at_flag").asDouble(Double.NaN);
            report("recall@block", c, block, claimedBlock);
            report("recall@flag", c, flag, claimedFlag);
            assertTrue(block >= claimedBlock - 0.005, c.id() + ": recall at block " + block + " < " + claimedBlock);
            assertTrue(flag >= claimedFlag - 0.005, c.id() + ": recall at flag " + flag + " < " + claimedFlag);
        }
    }

    @Test
    void hardNegativeFalsePositiveRateIsAtMostWhatTheModelCardClaims() {
        int hard = 0;
        int flagged = 0;
        int blocked = 0;
        for (int i = 0; i < RECORDS.size(); i++) {
            if (RECORDS.get(i).path("hard_negative").asBoolean()) {
                hard++;
                Verdict v = VERDICTS.get(i);
                flagged += v.decision().ordinal() >= dev.alignguard.core.Decision.FLAG.ordinal() ? 1 : 0;
                blocked += v.decision() == dev.alignguard.core.Decision.BLOCK ? 1 : 0;
            }
        }
        double atFlag = (double) flagged / hard;
        double atBlock = (double) blocked / hard;
        double claimedFlag = claims.path("hard_negative_fpr_at_flag").asDouble(Double.NaN);
        double claimedBlock = claims.path("hard_negative_fpr_at_block").asDouble(Double.NaN);
        System.out.printf(Locale.ROOT, "held-out hard negatives: n=%d, not ALLOWed %.3f (claimed %.3f), "
                + "BLOCKed %.3f (claimed %.3f)%n", hard, atFlag, claimedFlag, atBlock, claimedBlock);
        assertTrue(atFlag <= claimedFlag + 0.005, "hard-negative FPR at flag " + atFlag + " > " + claimedFlag);
        assertTrue(atBlock <= claimedBlock + 0.005, "hard-negative FPR at block " + atBlock + " > " + claimedBlock);
    }

    /**
     * Scores are probabilities: per category, the expected calibration error of the guard's record scores (15
     * equal-width bins) stays within a point of what training/guard_eval.py measured on this split through the CLI
     * (the model card's {@code test_guard.<label>.ece}: Platt-calibrated transformer scores combined with the
     * n-gram member by a logistic regression fitted on validation records).
     */
    @Test
    void scoresAreCalibratedAsTheModelCardClaims() {
        for (Category c : Category.values()) {
            double claimed = claims.path(c.id()).path("ece").asDouble(Double.NaN);
            double got = expectedCalibrationError(c, calibration.path("ece_bins").asInt(15));
            report("ECE", c, got, claimed);
            assertTrue(got <= claimed + 0.01, c.id() + ": expected calibration error " + got + " > claimed "
                    + claimed + " + 0.01");
        }
    }

    private static double expectedCalibrationError(Category c, int bins) {
        double[] sumScore = new double[bins];
        double[] sumLabel = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < RECORDS.size(); i++) {
            double s = VERDICTS.get(i).score(c);
            int b = Math.min((int) (s * bins), bins - 1);
            sumScore[b] += s;
            sumLabel[b] += positive(i, c) ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(sumScore[b] - sumLabel[b]) / RECORDS.size();
            }
        }
        return ece;
    }

    private static void report(String what, Category c, double got, double claimed) {
        System.out.printf(Locale.ROOT, "held-out %-12s %-18s java %.3f  model card %.3f%n", what, c.id(), got,
                claimed);
    }
}
