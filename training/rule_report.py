#!/usr/bin/env python3
"""A candidate at the threshold rule (evaluate.choose_flag_rate) on every held-out set: the test writers, fresh
generalist writers no candidate was chosen by (w92, w93, w97, each and together: pass a corpus built with them as
test writers), and, measure only, dev-eval (both sets). Cells: AUROC / recall at 5% FPR / share of positives at or
over a flag threshold (what the policy does not ALLOW), then the share of hard negatives stopped. PyTorch, record
level (max over a tool call's payload and rationale), `none` rows as negatives as ../shared/dev-eval/score.py counts.

  ALIGNGUARD_ENCODER=e5-small ALIGNGUARD_TEXT_PREFIX=none /usr/bin/python3 training/rule_report.py \\
      --ckpt training/work/model-e5b.pt --corpus-dir training/work/corpus \\
      --generalists-dir training/work/corpus-g3 --scores /tmp/e5b.npz

corpus-g3: `assemble_v4.py --val-writers w11-we-voice,w15-interviews,w90-generalist-workplace,w91-generalist-personal
--test-writers w92-generalist-public-services,w93-generalist-engineering-agents,w97-generalist-commerce
--out training/work/corpus-g3`. Scores are cached per set in --scores with the record ids (score_cache.py): a re-run
only re-reports, and scores again just the sets the cache lacks or holds for other records.
"""
import argparse
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import evaluate as E  # noqa: E402
import score_cache  # noqa: E402
from metrics import label_auroc, recall_at_fpr  # noqa: E402
from texts import LABELS, labels_of, load_jsonl  # noqa: E402

DEV_DIR = os.environ.get("ALIGNGUARD_DEV_EVAL_DIR", "/work/shared/dev-eval")
GENERALISTS = ("w92", "w93", "w97")


def held_out_sets(corpus_dir, generalists_dir):
    test, _ = E.load_split(corpus_dir, "test")
    sets = {"test writers": [r for r in test if r.get("writer", "") not in E.TEMPLATE_WRITERS]}
    if generalists_dir:
        g, _ = E.load_split(generalists_dir, "test")
        present = [w for w in GENERALISTS if any(r.get("writer", "").startswith(w) for r in g)]
        for w in present:
            sets[w] = [r for r in g if r.get("writer", "").startswith(w)]
        if present:
            sets["generalists"] = [r for w in present for r in sets[w]]
    dev = [os.path.join(DEV_DIR, n) for n in ("agent_dev.jsonl", "dev_v2.jsonl")]
    if all(os.path.exists(p) for p in dev):
        sets["dev_all"] = load_jsonl(dev[0]) + load_jsonl(dev[1])
    return sets


def row(recs, s, th):
    y = np.array([labels_of(r) for r in recs], dtype=np.float64)
    hard = np.array([bool(r.get("hard_negative")) for r in recs])
    neg = y.sum(1) == 0
    cells = []
    for k in range(len(LABELS)):
        pos = y[:, k] > 0
        m = pos | neg
        cells.append(f"{label_auroc(y[m, k], s[m, k]):.3f}/{recall_at_fpr(s[pos, k], s[neg, k], 0.05):.3f}/"
                     f"{E.stopped_share(s[pos], th):.2f}")
    hn = neg & hard
    return "  ".join(cells) + f"  HN {E.stopped_share(s[hn], th):.3f} of {int(hn.sum())}"


def cached_scores(ckpt, path, sets):
    """Scores of every set from the cache at `path` (score_cache.py); the sets it lacks are scored with `ckpt`."""
    def score(stale):
        from export_onnx import load_model
        model = load_model(ckpt)
        return {name: E.score_records_torch(model, recs)[0] for name, recs in stale.items()}
    return score_cache.cached(path, sets, score)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ckpt", required=True)
    p.add_argument("--corpus-dir", default=os.path.join(HERE, "work", "corpus"))
    p.add_argument("--generalists-dir", default="")
    p.add_argument("--scores", required=True, help=".npz cache of the scores")
    a = p.parse_args(argv)
    val, yv = E.load_split(a.corpus_dir, "val")
    sets = held_out_sets(a.corpus_dir, a.generalists_dir)
    z = cached_scores(a.ckpt, a.scores, {"val": val, **{n: r for n, r in sets.items() if n != "generalists"}})
    if "generalists" in sets:
        z["generalists"] = np.concatenate([z[w] for w in GENERALISTS if w in sets])
    hard = np.array([bool(r.get("hard_negative")) for r in val])
    writers = np.array([r.get("writer", "") for r in val])
    rate, table = E.choose_flag_rate(yv, z["val"], hard, writers)
    print(f"{a.ckpt}: flag rate {rate} (left-out mean {np.mean(list(table[rate].values())):.3f})")
    th = E.calibrate(yv, z["val"], hard, rate)
    for name, recs in sets.items():
        if recs:
            print(f"  {name:13s} {row(recs, z[score_cache.key(name)], th)}")


if __name__ == "__main__":
    main()
