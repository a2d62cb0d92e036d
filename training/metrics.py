"""The one copy of the ranking and calibration metrics every training script reports (numpy only, no torch).

- `auroc(pos, neg)`: probability that a positive outscores a negative, a tie counting one half (Mann-Whitney U);
  `label_auroc(y, s)` and `macro_auroc(y, s)` take 0/1 labels instead.
- `recall_at_fpr(pos, neg, fpr)`: share of positives strictly above the k-th highest negative, k = floor(fpr * n),
  i.e. the best recall at which at most `fpr` of the negatives score higher; the rule guard-onnx's
  HeldOutEvaluationTest applies to the Java guard's verdicts.
- `pr_auc(y, s)`: average precision; `ece(y, p)`: expected calibration error over equal-width bins.

Each returns None where a side it needs is empty. tests/test_metrics.py proves these give the same numbers as
the copies they replaced (and where two replaced copies used another recall rule, how they differed).
"""
import math

import numpy as np


def auroc(pos, neg):
    """AUROC of positive scores `pos` against negative scores `neg`; ties count 1/2; None when a side is empty."""
    pos = np.asarray(pos, dtype=np.float64)
    neg = np.sort(np.asarray(neg, dtype=np.float64))
    if len(pos) == 0 or len(neg) == 0:
        return None
    below = np.searchsorted(neg, pos, "left")
    tied = np.searchsorted(neg, pos, "right") - below
    # every term is a multiple of 1/2, so the sum is exact and the result is one correctly rounded division
    return float((below + 0.5 * tied).sum() / (len(pos) * len(neg)))


def label_auroc(y, s):
    """AUROC of scores `s` for 0/1 (or boolean) labels `y`; None when one class is absent."""
    y = np.asarray(y, dtype=bool)
    s = np.asarray(s, dtype=np.float64)
    return auroc(s[y], s[~y])


def macro_auroc(y, s):
    """Mean AUROC over the label columns of `y` [N,L] and `s` [N,L] that have both classes (0.0 when none has)."""
    vals = [label_auroc(y[:, k], s[:, k]) for k in range(y.shape[1])]
    vals = [v for v in vals if v is not None]
    return float(np.mean(vals)) if vals else 0.0


def fpr_threshold(neg, fpr):
    """The k-th highest negative score, k = floor(fpr * len(neg)): at most `fpr` of the negatives score above it
    (-1.0 when k reaches past the last negative)."""
    ranked = np.sort(np.asarray(neg, dtype=np.float64))[::-1]
    k = int(math.floor(fpr * len(ranked)))
    return float(ranked[k]) if k < len(ranked) else -1.0


def recall_at_fpr(pos, neg, fpr):
    """Share of `pos` strictly above `fpr_threshold(neg, fpr)`; None when a side is empty."""
    pos = np.asarray(pos, dtype=np.float64)
    if len(pos) == 0 or len(neg) == 0:
        return None
    return float(np.mean(pos > fpr_threshold(neg, fpr)))


def pr_auc(y, s):
    """Average precision of scores `s` for 0/1 labels `y` (stable order among tied scores); 0.0 without positives."""
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(-np.asarray(s, dtype=np.float64), kind="mergesort")
    y = y[order]
    precision = np.cumsum(y) / np.arange(1, len(y) + 1)
    return float((precision * y).sum() / max(y.sum(), 1))


def ece(y, p, bins=15):
    """Expected calibration error: |mean p - mean y| per equal-width probability bin, weighted by the bin's share."""
    y, p = np.asarray(y, dtype=np.float64), np.asarray(p, dtype=np.float64)
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for k in range(bins):
        m = idx == k
        if m.any():
            total += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
    return float(total)
