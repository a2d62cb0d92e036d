#!/usr/bin/env python3
"""Calibrates the int8 model's probabilities (Platt scaling per label) and bakes the calibration into the graphs.

The fine-tuned model is trained with positive-class weights and label smoothing, so its sigmoid outputs are not
probabilities: a 0.6 does not mean "60% of such texts are positive". Per label, this script fits
p' = sigmoid(a * logit(p) + b) (temperature 1/a plus a bias) on the *validation* records, scored the way the
guard scores them (int8 model through ONNX Runtime Java, max over payload and rationale), by minimising the
log loss; test is only measured (expected calibration error, 15 equal-width bins, before and after).

a > 0, so the map is strictly increasing: every ranking metric (AUROC, recall at a fixed FPR) is unchanged and
every decision stays the same, because the thresholds in metrics.json and the screen's clear_below in
student.json are mapped through the same function. The calibration is inserted into the ONNX graphs in front of
the final Sigmoid (logits * a + b), for both the full model and the screening student, so the Java library
needs no extra step and the scores a host sees are calibrated.

Caveat, also written to the manifest: calibrated to the validation split's label mix (about 40% positives),
which is far richer in positives than real agent traffic; read a score as "relative to a balanced test set".

Writes training/work/model_int8_cal.onnx, training/work/student_cal.onnx, training/work/calibration.json and
adds `calibration` to metrics.json; bundle.py uses the calibrated files when calibration.json exists.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
import numpy as np  # noqa: E402
import onnx  # noqa: E402
from onnx import helper, numpy_helper  # noqa: E402

from bundle_screen import sha256  # noqa: E402
from evaluate import load_split, score_records_onnx  # noqa: E402
from metrics import ece  # noqa: E402
from texts import LABELS  # noqa: E402

EPS = 1e-6
BINS = 15


def logit(p):
    p = np.clip(np.asarray(p, dtype=np.float64), EPS, 1 - EPS)
    return np.log(p) - np.log1p(-p)


def platt(p, a, b):
    return 1.0 / (1.0 + np.exp(-(a * logit(p) + b)))


def fit_platt(y, p, iters=100):
    """Newton's method on the log loss of sigmoid(a * logit(p) + b); starts at the identity (a=1, b=0)."""
    x, y = logit(p), np.asarray(y, dtype=np.float64)
    a, b = 1.0, 0.0
    for _ in range(iters):
        q = 1.0 / (1.0 + np.exp(-(a * x + b)))
        g = np.array([np.sum((q - y) * x), np.sum(q - y)])
        w = q * (1 - q) + 1e-12
        h = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]])
        step = np.linalg.solve(h + 1e-9 * np.eye(2), g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-10:
            break
    if a <= 0:
        raise SystemExit(f"Platt fit gave a non-increasing map (a={a}); refusing to calibrate")
    return float(a), float(b)


def log_loss(y, p):
    p = np.clip(np.asarray(p, dtype=np.float64), EPS, 1 - EPS)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def bake(src, dst, a, b):
    """Inserts logits * a + b in front of the graph's final Sigmoid (the one that produces `probabilities`)."""
    m = onnx.load(src)
    g = m.graph
    sig = [n for n in g.node if n.op_type == "Sigmoid" and "probabilities" in n.output]
    if len(sig) != 1:
        raise SystemExit(f"{src}: expected one Sigmoid producing `probabilities`, found {len(sig)}")
    sig = sig[0]
    logits = sig.input[0]
    g.initializer.extend([numpy_helper.from_array(np.asarray(a, dtype=np.float32), "calibration_a"),
                          numpy_helper.from_array(np.asarray(b, dtype=np.float32), "calibration_b")])
    mul = helper.make_node("Mul", [logits, "calibration_a"], ["calibration_scaled"], name="calibration_mul")
    add = helper.make_node("Add", ["calibration_scaled", "calibration_b"], ["calibration_logits"],
                           name="calibration_add")
    sig.input[0] = "calibration_logits"
    pos = list(g.node).index(sig)
    g.node.insert(pos, add)
    g.node.insert(pos, mul)
    onnx.checker.check_model(m)
    onnx.save(m, dst)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    p.add_argument("--int8", default=os.path.join(common.WORK, "model_int8.onnx"))
    p.add_argument("--student", default=os.path.join(common.WORK, "student.onnx"))
    p.add_argument("--student-json", default=os.path.join(common.WORK, "student.json"))
    p.add_argument("--metrics", default=os.path.join(common.WORK, "metrics.json"))
    p.add_argument("--out", default=os.path.join(common.WORK, "calibration.json"))
    a = p.parse_args(argv)

    scores, ys = {}, {}
    for split in ("val", "test"):
        recs, ys[split] = load_split(a.corpus_dir, split)
        scores[split] = score_records_onnx(a.int8, recs)[0]

    with open(a.metrics) as f:
        metrics = json.load(f)
    with open(a.student_json) as f:
        student = json.load(f)
    params, report = {}, {}
    for k, l in enumerate(LABELS):
        pa, pb = fit_platt(ys["val"][:, k], scores["val"][:, k])
        params[l] = {"a": round(pa, 6), "b": round(pb, 6)}
        rep = {}
        for split in ("val", "test"):
            y, s = ys[split][:, k], scores[split][:, k]
            c = platt(s, pa, pb)
            rep[split] = {"ece_before": round(ece(y, s, BINS), 4), "ece_after": round(ece(y, c, BINS), 4),
                          "log_loss_before": round(log_loss(y, s), 4), "log_loss_after": round(log_loss(y, c), 4)}
        report[l] = rep
        print(f"{l:18s} a={pa:.3f} b={pb:+.3f}  test ECE {rep['test']['ece_before']:.3f} -> "
              f"{rep['test']['ece_after']:.3f}, log loss {rep['test']['log_loss_before']:.3f} -> "
              f"{rep['test']['log_loss_after']:.3f}")

    def mapped(t, l):
        return float(platt(t, params[l]["a"], params[l]["b"]))

    raw_thresholds = common.uncalibrated_thresholds(metrics)
    thresholds = {l: {lvl: round(mapped(t, l), 4) for lvl, t in lv.items()} for l, lv in raw_thresholds.items()}
    clear_below = {l: round(mapped(t, l), 6) for l, t in student["clear_below"].items()}

    bake(a.int8, os.path.join(common.WORK, "model_int8_cal.onnx"),
         [params[l]["a"] for l in LABELS], [params[l]["b"] for l in LABELS])
    bake(a.student, os.path.join(common.WORK, "student_cal.onnx"),
         [params[l]["a"] for l in LABELS], [params[l]["b"] for l in LABELS])

    cal = {"int8_sha256": sha256(a.int8), "student_sha256": sha256(a.student),
           "method": "Platt scaling per label: p' = sigmoid(a * logit(p) + b), fitted on val records (log loss), "
                     "baked into both ONNX graphs in front of the final Sigmoid",
           "fitted_on": "val records, int8 model through ONNX Runtime Java, max over payload and rationale",
           "note": "calibrated to the validation label mix (about 40% positives), far richer in positives than "
                   "agent traffic; the map is increasing, so rankings and decisions are unchanged",
           "params": params, "ece_bins": BINS, "metrics": report,
           "raw_thresholds": raw_thresholds, "thresholds": thresholds,
           "raw_clear_below": student["clear_below"], "clear_below": clear_below}
    with open(a.out, "w") as f:
        json.dump(cal, f, indent=2)
    metrics["calibration"] = {k: cal[k] for k in ("method", "fitted_on", "note", "params", "ece_bins", "metrics",
                                                  "raw_thresholds")}
    metrics["thresholds"] = thresholds
    with open(a.metrics, "w") as f:
        json.dump(metrics, f, indent=2)
    print(f"calibrated thresholds {thresholds}\nscreen clear_below {clear_below}\nwrote {a.out}, updated {a.metrics}")


if __name__ == "__main__":
    main()
