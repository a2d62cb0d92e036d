#!/usr/bin/env python3
"""The guard model's second member: one hashed n-gram logistic regression per label (ngram_model.py), trained on
whole actions (texts.action_text: a tool call's payload and rationale, or a text) of the corpus's training split,
stacked with the transformer's scores by a logistic regression per label on the validation writers; the thresholds
are then re-fitted by the unchanged rule (evaluate.choose_flag_rate and evaluate.calibrate) on the validation
scores of the Java guard with the member in place.

The Java guard (guard-onnx's OnnxClassifier.forAction, from the bundle's `ngram` and `stack` sections) reads the
whole action once with the member and combines it into every window's scores: label l's score becomes
max(p, sigmoid(a_l * logit(p) + c_l * g_l + d_l)), where p is the transformer's (calibrated) probability for the
window and g_l the action's n-gram logit. The member can raise a score, never lower it, so benign padding or encoding
around a threat cannot use it to hide what the transformer sees (without the floor, 600 words of benign padding
before a threat pulled caught threats under the threshold: ObfuscationRobustnessTest; a member that read each window
instead of the whole action ranked dev-eval lower and kept no more of the padded threats). The record score is then
max(p_max, stack(p_max, g)), so the thresholds fitted on the validation records' CLI scores through that formula are
the Java guard's.

Why: on dev-eval (measure only) a bag of words and character n-grams trained on the corpus ranked about as well as
the fine-tuned e5-small (0.974 / 0.965 / 0.949 against 0.972 / 0.979 / 0.936) and errs on other records.

  /usr/bin/python3 training/guard_stack.py scan --out training/work/guard-val-scores.jsonl     # transformer only
  /usr/bin/python3 training/guard_stack.py fit --scores training/work/guard-val-scores.jsonl \\
      --weights training/work/guard-ngram.f32 --json training/reports/guard-stack.json
  /usr/bin/python3 training/guard_stack.py bundle --json training/reports/guard-stack.json \\
      --weights training/work/guard-ngram.f32 --version 0.9.0
  mvn -q -B -DskipTests install
  /usr/bin/python3 training/guard_stack.py scan --out training/work/guard-val-stacked.jsonl    # with the member
  /usr/bin/python3 training/guard_stack.py thresholds --scores training/work/guard-val-stacked.jsonl \\
      --json training/reports/guard-stack.json
  /usr/bin/python3 training/guard_stack.py bundle ... (again, with the thresholds), mvn install, guard_eval.py
"""
import argparse
import hashlib
import json
import os
import shutil
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import evaluate as ev  # noqa: E402
import guard_eval  # noqa: E402
import ngram_model  # noqa: E402
from malevolence_stack import fit_stack, stacked, window_logit  # noqa: E402
from metrics import label_auroc  # noqa: E402
from texts import LABELS, action_text, labels_of  # noqa: E402

ROOT = os.path.dirname(HERE)
BUNDLE = os.path.join(ROOT, "guard-model/src/main/resources/dev/alignguard/model")
NGRAM_CHARS = 1500


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def written(rec):
    return rec.get("writer") not in ev.TEMPLATE_WRITERS + (None,)


def scan(a):
    recs = load(os.path.join(a.corpus_dir, "val.jsonl"))
    out = guard_eval.scan(a.jar, recs, model=a.model)
    with open(a.out, "w", encoding="utf-8") as f:
        for r, o in zip(recs, out):
            f.write(json.dumps({"id": r["id"], "scores": o["scores"]}) + "\n")


def train_ngrams(a):
    """One n-gram model per label on the training split: (float32 weights, biases); written to a.weights."""
    train = load(os.path.join(a.corpus_dir, "train.jsonl"))
    X = [ngram_model.features(action_text(r), NGRAM_CHARS)[0] for r in train]
    Y = np.array([labels_of(r) for r in train])
    weights, biases = [], []
    for k in range(len(LABELS)):
        w, b = ngram_model.train_lr(X, Y[:, k])
        weights.append(w.astype("<f4"))
        biases.append(float(np.float32(b)))
    with open(a.weights + ".tmp", "wb") as f:
        for w in weights:
            f.write(w.tobytes())
    os.replace(a.weights + ".tmp", a.weights)
    return weights, biases, len(train)


def reuse_ngrams(a):
    """The n-gram models a.weights and the report a.json already hold (training is deterministic: the same)."""
    with open(a.json, encoding="utf-8") as f:
        old = json.load(f)["ngram"]
    w = np.fromfile(a.weights, dtype="<f4").reshape(len(LABELS), -1)
    return list(w), [old["bias"][l] for l in LABELS], old["train_records"]


def fit(a):
    weights, biases, n_train = reuse_ngrams(a) if a.reuse_weights else train_ngrams(a)

    val = load(os.path.join(a.corpus_dir, "val.jsonl"))
    got = {r["id"]: r["scores"] for r in load(a.scores)}
    missing = [r["id"] for r in val if r["id"] not in got]
    if missing:
        raise SystemExit(f"{a.scores} lacks {len(missing)} validation records (first: {missing[0]}): run `scan`")
    p = np.array([[got[r["id"]][l] for l in LABELS] for r in val])
    Xv = [ngram_model.features(action_text(r), NGRAM_CHARS)[0] for r in val]
    g = np.column_stack([ngram_model.predict(Xv, weights[k].astype(np.float64), biases[k])
                         for k in range(len(LABELS))])
    y = np.array([labels_of(r) for r in val])
    fit_on = np.array([written(r) for r in val])
    stacks, s = {}, np.zeros_like(p)
    for k, l in enumerate(LABELS):
        coef, bias = fit_stack(np.column_stack([window_logit(p[fit_on, k]), g[fit_on, k]]), y[fit_on, k])
        if not (coef > 0).all():
            raise SystemExit(f"{l}: the stack gave a member a weight <= 0 ({coef})")
        stacks[l] = {"window_logit": round(float(coef[0]), 6), "ngram_logit": round(float(coef[1]), 6),
                     "bias": round(bias, 6)}
        s[:, k] = combined(p[:, k], g[:, k], stacks[l])
    report = {
        "ngram": {"dim": ngram_model.DIM, "max_chars": NGRAM_CHARS, "char_ngrams": list(ngram_model.CHAR_NGRAMS),
                  "char_step": ngram_model.CHAR_STEP, "bias": dict(zip(LABELS, biases)), "train_records": n_train,
                  "text": "texts.action_text: payload, newline, rationale; or the text"},
        "stack": stacks,
        "stack_fitted_on": f"the validation writers' records ({int(fit_on.sum())}; templates and public text left out)",
        "val_writers_auroc": {l: {"transformer": auroc(y[fit_on, k], p[fit_on, k]),
                                  "ngram": auroc(y[fit_on, k], g[fit_on, k]),
                                  "combined": auroc(y[fit_on, k], s[fit_on, k])} for k, l in enumerate(LABELS)},
    }
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
        f.write("\n")
    print(json.dumps({k: report[k] for k in ("stack", "val_writers_auroc")}, indent=1))


def thresholds(a):
    """The rule's thresholds on the Java guard's validation scores with the member in place (a `scan` of the
    bundle `fit` wrote): the flag rate chosen on left-out validation writers, levels per label."""
    val = load(os.path.join(a.corpus_dir, "val.jsonl"))
    got = {r["id"]: r["scores"] for r in load(a.scores)}
    s = np.array([[got[r["id"]][l] for l in LABELS] for r in val])
    y = np.array([labels_of(r) for r in val])
    hard = np.array([bool(r.get("hard_negative")) for r in val])
    writers = np.array([r.get("writer") or "" for r in val])
    rate, table = ev.choose_flag_rate(y, s, hard, writers)
    with open(a.json, encoding="utf-8") as f:
        report = json.load(f)
    report["thresholds"] = ev.calibrate(y, s, hard, rate)
    report["threshold_rule"] = {k: f"val FPR {rate * v:.2%} on hard negatives" for k, v in ev.LEVEL_SHARE.items()}
    report["flag_rate"] = {"chosen": rate, "held_out_target": ev.HELD_OUT_TARGET,
                           "left_out_writers": {str(r): per for r, per in table.items()}}
    fit_on = np.array([written(r) for r in val])
    report["val_writers_auroc_java"] = {l: auroc(y[fit_on, k], s[fit_on, k]) for k, l in enumerate(LABELS)}
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
        f.write("\n")
    print(json.dumps({k: report[k] for k in ("thresholds", "threshold_rule", "val_writers_auroc_java")}, indent=1))


def combined(p, g, stack):
    """The guard's score: the stack, but never below the transformer's own (OnnxClassifier.forAction)."""
    return np.maximum(p, stacked(p, g, stack))


def auroc(y, s):
    v = label_auroc(y, s)
    return None if v is None else round(float(v), 4)


def bundle(a):
    with open(a.json, encoding="utf-8") as f:
        report = json.load(f)
    path = os.path.join(a.bundle_dir, "alignguard-model.json")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    n = report["ngram"]
    if os.path.getsize(a.weights) != 4 * n["dim"] * len(manifest["labels"]):
        raise SystemExit(f"{a.weights} does not hold {len(manifest['labels'])} x {n['dim']} float32 weights")
    out = os.path.join(a.bundle_dir, "ngram.f32")
    shutil.copyfile(a.weights, out)
    with open(out, "rb") as f:
        data = f.read()
    manifest["version"] = a.version
    manifest["ngram"] = {"file": "ngram.f32", "sha256": hashlib.sha256(data).hexdigest(), "size_bytes": len(data),
                         **{k: n[k] for k in ("dim", "max_chars", "char_ngrams", "char_step", "bias", "text")}}
    manifest["stack"] = report["stack"]
    if "thresholds" in report:
        manifest["thresholds"] = report["thresholds"]
        manifest["threshold_rule"] = report["threshold_rule"]
    scoring = manifest.get("scoring", "").split("; each ")[0]
    manifest["scoring"] = (scoring + "; each text's scores then combined with the n-gram member's logits for the "
                           "same text: max(p, sigmoid(a * logit(p) + c * g + d)) per label (`stack`)")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(f"wrote {path}: version {a.version}, ngram.f32 {len(data)} bytes")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus-dir", default=os.path.join(HERE, "work", "corpus"),
                    help="the corpus snapshot the bundled model was trained on (run_all.sh's training/work/corpus)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan", help="the built CLI's scores on the validation split (its bundle: --model, or the jar's)")
    s.add_argument("--model", help="a bundle directory to scan with instead of the jar's own")
    s.add_argument("--jar", default=os.path.join(ROOT, "guard-cli/target/alignguard-cli.jar"))
    s.add_argument("--out", required=True)
    f = sub.add_parser("fit", help="train the n-gram models, fit the stacks and the thresholds")
    f.add_argument("--scores", required=True)
    f.add_argument("--weights", required=True)
    f.add_argument("--json", required=True)
    f.add_argument("--reuse-weights", action="store_true",
                   help="keep the n-gram models in --weights and --json (a re-fit of the stacks and thresholds only)")
    t = sub.add_parser("thresholds", help="the rule's thresholds on a scan of the validation split with the member")
    t.add_argument("--scores", required=True)
    t.add_argument("--json", required=True)
    b = sub.add_parser("bundle", help="add the member to the guard-model bundle's manifest")
    b.add_argument("--json", required=True)
    b.add_argument("--weights", required=True)
    b.add_argument("--version", required=True)
    b.add_argument("--bundle-dir", default=BUNDLE)
    a = ap.parse_args(argv)
    {"scan": scan, "fit": fit, "thresholds": thresholds, "bundle": bundle}[a.cmd](a)


if __name__ == "__main__":
    main()
