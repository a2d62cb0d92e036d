#!/usr/bin/env python3
"""Re-fits the cascade screen's `clear_below` of a bundle whose scores are combined with a document member (model
0.9.0's n-gram stack), against the scores the guard actually decides on.

student.py fits clear_below against the transformer's scores alone. With a member in the bundle, the guard's score
for a text is max(p, stack(p, g)) (guard_stack.combined; g is the n-gram logit of the whole action), and the member
raises a text the transformer scored more than one the screen cleared with its own, lower score: on 0.9.0's held-out
split the screen fitted against the transformer alone cost 1.6 points of self_preservation recall at 1% FPR.

The rule is student.calibrate's, applied to the combined scores: clear_below = q_l x each label's flag threshold
(the bundle's, calibrated), the multiples grown while the cascade loses at most 0.5 points of recall at 1% FPR and
1 point of recall at the flag threshold on the validation split, every score (cascade and full model alone) first
combined with the member. Everything is read from the bundle (the calibrated int8 model, the calibrated screen,
the n-gram weights, the stack, the thresholds), so the fit sees exactly what the Java guard computes per text.
The test split is only measured.

  ALIGNGUARD_TOKENIZER=guard-model/src/main/resources/dev/alignguard/model/tokenizer.json \\
      /usr/bin/python3 training/screen_refit.py [--write [--version 0.9.1]] [--json training/reports/screen-refit.json]
"""
import argparse
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
import ngram_model  # noqa: E402
from guard_stack import BUNDLE, NGRAM_CHARS, combined  # noqa: E402
from metrics import recall_at_fpr  # noqa: E402
from student import calibrate, teacher_probs  # noqa: E402
from texts import LABELS, action_text, items_from_records, load_jsonl  # noqa: E402


def member(manifest, bundle_dir):
    """(weights [labels, dim], biases, stacks) of the bundle's n-gram member."""
    n = manifest["ngram"]
    w = np.fromfile(os.path.join(bundle_dir, n["file"]), dtype="<f4").reshape(len(LABELS), -1).astype(np.float64)
    return w, [n["bias"][l] for l in LABELS], [manifest["stack"][l] for l in LABELS]


def item_ngram_logits(records, items, weights, biases):
    """The member's logits [items, labels]: each item carries its record's whole-action logit."""
    X = [ngram_model.features(action_text(r), NGRAM_CHARS)[0] for r in records]
    g = np.column_stack([ngram_model.predict(X, weights[k], biases[k]) for k in range(len(LABELS))])
    return g[[it["rec"] for it in items]]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundle-dir", default=BUNDLE)
    ap.add_argument("--corpus-dir", default=os.path.join(common.WORK, "corpus"))
    ap.add_argument("--max-recall-loss", type=float, default=0.005)
    ap.add_argument("--max-flag-recall-loss", type=float, default=0.01)
    ap.add_argument("--json", default=os.path.join(HERE, "reports", "screen-refit.json"))
    ap.add_argument("--write", action="store_true", help="write the new clear_below into the bundle's manifest")
    ap.add_argument("--version", help="with --write: the bundle's new version (a refit alone changes decisions)")
    a = ap.parse_args(argv)

    path = os.path.join(a.bundle_dir, "alignguard-model.json")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    weights, biases, stacks = member(manifest, a.bundle_dir)
    thresholds = manifest["thresholds"]
    flag = np.array([thresholds[l]["flag"] for l in LABELS])

    splits = {}
    for split in ("val", "test"):
        records = load_jsonl(os.path.join(a.corpus_dir, f"{split}.jsonl"))
        items = items_from_records(records)
        seqs = common.encode_texts([it["text"] for it in items])
        g = item_ngram_logits(records, items, weights, biases)
        y = np.array([it["labels"] for it in items], dtype=np.float64)
        # student.teacher_probs scores any graph through ONNX Runtime Java, cached by file and inputs
        s = teacher_probs(os.path.join(a.bundle_dir, manifest["screen"]["file"]), seqs, f"screen_{split}", a.corpus_dir)
        t = teacher_probs(os.path.join(a.bundle_dir, manifest["model"]["file"]), seqs, f"model_{split}", a.corpus_dir)
        splits[split] = (y, s, t, g)
        print(f"{split}: {len(records)} records, {len(items)} texts scored", flush=True)

    def combine_with(g):
        return lambda p: np.column_stack([combined(p[:, k], g[:, k], stacks[k]) for k in range(len(LABELS))])

    y, s, t, g = splits["val"]
    clear, q = calibrate(s, y, t, thresholds, a.max_recall_loss, a.max_flag_recall_loss, combine=combine_with(g))
    old = manifest["screen"]["clear_below"]
    print("clear_below: " + ", ".join(f"{l} {clear[l]:.4f} ({q[l]:.2f} x flag; was {old[l]:.4f})" for l in LABELS))

    report = {"clear_below": clear, "clear_below_times_flag": q, "previous_clear_below": old,
              "max_recall_loss_val": a.max_recall_loss, "max_flag_recall_loss_val": a.max_flag_recall_loss,
              "model_version": manifest["version"], "splits": {}}
    for split, (y, s, t, g) in splits.items():
        comb = combine_with(g)
        neg = y.max(axis=1) == 0
        m = {"texts": int(len(y))}
        for name, bar in (("refit", np.array([clear[l] for l in LABELS])),
                          ("previous", np.array([old[l] for l in LABELS]))):
            cleared = np.all(s < bar, axis=1)
            cascade, full = comb(np.where(cleared[:, None], s, t)), comb(t)
            m[name] = {"cleared_negatives": float(cleared[neg].mean()), "cleared_positives": float(cleared[~neg].mean()),
                       "per_label": {l: {"full_recall_at_1pct_fpr": recall_at_fpr(full[y[:, k] == 1, k],
                                                                                   full[y[:, k] == 0, k], 0.01),
                                         "cascade_recall_at_1pct_fpr": recall_at_fpr(cascade[y[:, k] == 1, k],
                                                                                      cascade[y[:, k] == 0, k], 0.01),
                                         "full_recall_at_flag": float(np.mean(full[y[:, k] == 1, k] >= flag[k])),
                                         "cascade_recall_at_flag": float(np.mean(cascade[y[:, k] == 1, k] >= flag[k]))}
                                     for k, l in enumerate(LABELS)}}
        report["splits"][split] = m
        for name in ("previous", "refit"):
            r = m[name]
            print(f"{split} {name:8s}: cleared {r['cleared_negatives']:.1%} of negatives, {r['cleared_positives']:.2%} of "
                  "positives; recall@1%FPR full/cascade " + ", ".join(
                      f"{l} {v['full_recall_at_1pct_fpr']:.3f}/{v['cascade_recall_at_1pct_fpr']:.3f}"
                      for l, v in r["per_label"].items()), flush=True)
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
        f.write("\n")

    if a.write:
        screen = manifest["screen"]
        screen["clear_below"] = {l: round(clear[l], 6) for l in LABELS}
        screen["rule"] = (f"a text is cleared (keeps the screen's scores) when every label is below clear_below = "
                          "(" + ", ".join(f"{l} {q[l]:.2f}" for l in LABELS) + ") x the label's flag threshold: "
                          f"multiples grown while they cost at most {100 * a.max_recall_loss:.1f} points of recall at "
                          f"1% FPR and {100 * a.max_flag_recall_loss:.1f} of recall at flag on validation, measured on "
                          "the scores after the n-gram member's stack (training/screen_refit.py)")
        if a.version:
            manifest["version"] = a.version
        screen["refit"] = {k: report[k] for k in ("clear_below_times_flag", "previous_clear_below", "splits")}
        with open(path, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
