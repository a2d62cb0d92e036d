"""metrics.py against the copies it replaced (frozen below as they were at fd71d3c), on random and tied scores.

AUROC, PR-AUC and ECE: the same float, bit for bit. Recall at FPR: the kept rule (the k-th highest negative,
k = floor(fpr * n), strictly above; guard_eval.py, select_report.py, student.py and guard-onnx's
HeldOutEvaluationTest) is bit-identical to those copies. report.py's copy (a quantile index one lower for
some n) and evaluate.py's (at or above the midpoint between neighbouring negatives, so positives tied with the
threshold's negatives counted even past the FPR) used other rules; the tests pin exactly where they differed.
"""
import bisect
import math
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import metrics  # noqa: E402
from evaluate import threshold_at_fpr as evaluate_threshold_at_fpr  # noqa: E402  (the live val threshold rule)


# ----------------------------------------------------------------------------- the removed copies, verbatim
def common_auroc(y, s):  # common.py (used by train, evaluate, student, select_report)
    y = np.asarray(y, dtype=bool)
    s = np.asarray(s, dtype=np.float64)
    npos, nneg = int(y.sum()), int((~y).sum())
    if npos == 0 or nneg == 0:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s), dtype=np.float64)
    ss = s[order]
    i = 0
    while i < len(ss):
        j = i
        while j + 1 < len(ss) and ss[j + 1] == ss[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[y].sum() - npos * (npos + 1) / 2.0) / (npos * nneg))


def report_auroc(pos, neg):  # report.py
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    neg = np.sort(np.asarray(neg))
    pos = np.asarray(pos)
    lo = np.searchsorted(neg, pos, "left")
    hi = np.searchsorted(neg, pos, "right")
    return float((lo + 0.5 * (hi - lo)).sum() / (len(pos) * len(neg)))


def guard_eval_auroc(pos, neg):  # guard_eval.py (Python lists)
    if not pos or not neg:
        return None
    neg = sorted(neg)
    wins = 0.0
    for p in pos:
        lo = bisect.bisect_left(neg, p)
        hi = bisect.bisect_right(neg, p)
        wins += lo + 0.5 * (hi - lo)
    return wins / (len(pos) * len(neg))


def shortcut_auroc(y, s):  # data/shortcut_check.py (labels float32, as its load() builds them)
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    _, inv, cnt = np.unique(s, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=ranks)
    ranks = (sums / cnt)[inv]
    npos = y.sum()
    nneg = len(y) - npos
    if npos == 0 or nneg == 0:
        return float("nan")
    return float((ranks[y == 1].sum() - npos * (npos + 1) / 2) / (npos * nneg))


def report_pr_auc(y, s):  # report.py
    order = np.argsort(-s, kind="mergesort")
    y = y[order]
    tp = np.cumsum(y)
    precision = tp / np.arange(1, len(y) + 1)
    return float((precision * y).sum() / max(y.sum(), 1))


def calibrate_ece(y, p, bins=15):  # calibrate.py
    y, p = np.asarray(y, dtype=np.float64), np.asarray(p, dtype=np.float64)
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for k in range(bins):
        m = idx == k
        if m.any():
            total += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
    return float(total)


def guard_eval_recall(pos, neg, fpr):  # guard_eval.py
    if not pos or not neg:
        return None
    ranked = sorted(neg, reverse=True)
    k = int(fpr * len(ranked))
    thr = ranked[k] if k < len(ranked) else -1.0
    return sum(p > thr for p in pos) / len(pos)


def select_report_recall(y, s, fpr):  # select_report.py
    neg = np.sort(s[~y])[::-1]
    if not y.any() or not len(neg):
        return None
    k = int(np.floor(fpr * len(neg)))
    t = neg[k] if k < len(neg) else -1.0
    return float((s[y] > t).mean())


def student_recall(y, s, neg_mask, fpr):  # student.py
    neg = np.sort(s[neg_mask])[::-1]
    k = int(math.floor(fpr * len(neg)))
    thr = neg[k] if k < len(neg) else -1.0
    return float(np.mean(s[y == 1] > thr)), float(thr)


def student_recall_at_1pct(y, s):  # student.py
    neg = np.sort(s[y == 0])[::-1]
    return float(np.mean(s[y == 1] > neg[int(0.01 * len(neg))]))


def report_recall(pos, neg, fpr):  # report.py: the (1 - fpr) quantile of the negatives, method "higher"
    if len(neg) == 0 or len(pos) == 0:
        return float("nan")
    t = np.quantile(np.asarray(neg), 1 - fpr, method="higher")
    return float((np.asarray(pos) > t).mean())


def evaluate_recall(y, s, fpr=0.01):  # evaluate.py: at or above the midpoint threshold
    y = np.asarray(y, dtype=bool)
    if y.all() or not y.any():
        return None
    t = evaluate_threshold_at_fpr(s[~y], fpr)
    return float((s[y] >= t).mean())


# ----------------------------------------------------------------------------------------------- data
def cases():
    """(labels, scores) pairs: continuous scores, heavy ties (scores rounded to 1 or 2 decimals, as int8 and
    calibrated outputs tie), all-equal scores, tiny sets and a large imbalanced set."""
    rng = np.random.default_rng(20261205)
    out = []
    for n, pos_rate in ((7, 0.4), (50, 0.3), (200, 0.1), (1000, 0.5), (3000, 0.05), (40000, 0.08)):
        for decimals in (None, 2, 1):
            y = rng.random(n) < pos_rate
            y[0], y[-1] = True, False
            s = np.clip(rng.normal(0.35, 0.2, n) + 0.3 * y, 0, 1)
            if decimals is not None:
                s = np.round(s, decimals)
            out.append((y, s))
    y = np.array([1, 0, 1, 0, 0, 1], dtype=bool)
    out.append((y, np.full(6, 0.5)))
    out.append((np.array([True, False]), np.array([0.2, 0.9])))
    return out


FPRS = (0.01, 0.02, 0.05, 0.1, 0.5)


class AurocIsTheSameNumberAsEveryReplacedCopy(unittest.TestCase):
    def test_common_report_guard_eval_and_shortcut_copies(self):
        for y, s in cases():
            want = metrics.label_auroc(y, s)
            self.assertEqual(want, common_auroc(y, s))
            self.assertEqual(want, report_auroc(s[y], s[~y]))
            self.assertEqual(want, guard_eval_auroc(s[y].tolist(), s[~y].tolist()))
            self.assertEqual(want, metrics.auroc(s[y].tolist(), s[~y].tolist()))
            self.assertEqual(want, shortcut_auroc(y.astype(np.float32), s))

    def test_ties_count_one_half(self):
        self.assertEqual(0.5, metrics.auroc([0.5, 0.5], [0.5, 0.5, 0.5]))
        self.assertEqual(0.75, metrics.auroc([0.5, 0.9], [0.5]))

    def test_macro_auroc_matches_the_mean_of_the_common_copy(self):
        y = np.stack([c[0] for c in cases()[:3]], 1)
        s = np.stack([c[1] for c in cases()[:3]], 1)
        self.assertEqual(float(np.mean([common_auroc(y[:, k], s[:, k]) for k in range(3)])), metrics.macro_auroc(y, s))

    def test_a_missing_class_gives_none(self):
        self.assertIsNone(metrics.auroc([], [0.1]))
        self.assertIsNone(metrics.label_auroc([1, 1], [0.1, 0.2]))
        self.assertEqual(0.0, metrics.macro_auroc(np.ones((2, 3)), np.zeros((2, 3))))


class RecallAtFprKeepsTheGuardRule(unittest.TestCase):
    def test_same_number_as_guard_eval_select_report_and_student(self):
        for y, s in cases():
            for fpr in FPRS:
                want = metrics.recall_at_fpr(s[y], s[~y], fpr)
                self.assertEqual(want, guard_eval_recall(s[y].tolist(), s[~y].tolist(), fpr))
                self.assertEqual(want, select_report_recall(y, s, fpr))
                self.assertEqual(want, student_recall(y.astype(int), s, ~y, fpr)[0])
                if fpr == 0.01:
                    self.assertEqual(want, student_recall_at_1pct(y.astype(int), s))

    def test_report_copy_was_never_higher_and_differed_only_where_its_quantile_index_did(self):
        for y, s in cases():
            neg = s[~y]
            for fpr in FPRS:
                kept, old = metrics.recall_at_fpr(s[y], neg, fpr), report_recall(s[y], neg, fpr)
                self.assertGreaterEqual(kept, old)
                # np.quantile "higher" picks ascending index ceil((n - 1)(1 - fpr)); the kept rule n - 1 - floor(fpr n)
                n = len(neg)
                if math.ceil((n - 1) * (1 - fpr)) == n - 1 - math.floor(fpr * n):
                    self.assertEqual(kept, old)

    def test_report_copy_differed_on_a_hundred_negatives(self):
        neg = np.arange(100) / 100.0  # 1% FPR allows one negative above the threshold: 0.98
        self.assertEqual(0.5, metrics.recall_at_fpr([0.985, 0.5], neg, 0.01))
        self.assertEqual(0.0, report_recall(np.array([0.985, 0.5]), neg, 0.01))

    def test_evaluate_copy_was_never_higher_on_untied_scores(self):
        for y, s in cases():
            if len(np.unique(s)) < len(s):
                continue
            for fpr in FPRS:
                self.assertGreaterEqual(metrics.recall_at_fpr(s[y], s[~y], fpr), evaluate_recall(y, s, fpr))

    def test_evaluate_copy_counted_positives_tied_with_the_threshold_negatives(self):
        neg = np.r_[np.zeros(97), np.full(3, 0.9)]  # 3% of the negatives at 0.9: more than 1% FPR at 0.9
        pos = np.array([0.9, 0.95])
        y = np.r_[np.ones(2, bool), np.zeros(100, bool)]
        self.assertEqual(0.5, metrics.recall_at_fpr(pos, neg, 0.01))
        self.assertEqual(1.0, evaluate_recall(y, np.r_[pos, neg], 0.01))  # its threshold let 3% FPR through

    def test_evaluate_copy_differed_for_positives_between_a_negative_and_the_midpoint(self):
        neg = np.arange(100) / 100.0  # kept threshold 0.98 (strictly above); evaluate's midpoint 0.985 (at or above)
        pos = np.array([0.983, 0.99])
        y = np.r_[np.ones(2, bool), np.zeros(100, bool)]
        self.assertEqual(1.0, metrics.recall_at_fpr(pos, neg, 0.01))
        self.assertEqual(0.5, evaluate_recall(y, np.r_[pos, neg], 0.01))

    def test_an_empty_side_gives_none(self):
        self.assertIsNone(metrics.recall_at_fpr([], [0.1], 0.01))
        self.assertIsNone(metrics.recall_at_fpr([0.1], [], 0.01))


class PrAucAndEceAreTheSameNumbers(unittest.TestCase):
    def test_pr_auc_as_report(self):
        for y, s in cases():
            self.assertEqual(report_pr_auc(y.astype(int), s), metrics.pr_auc(y.astype(int), s))

    def test_ece_as_calibrate(self):
        for y, s in cases():
            for bins in (10, 15):
                self.assertEqual(calibrate_ece(y.astype(int), s, bins), metrics.ece(y.astype(int), s, bins))


if __name__ == "__main__":
    unittest.main()
