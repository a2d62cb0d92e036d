#!/usr/bin/env python3
"""Model selection report: how a candidate scores on text by writers it never saw.

Sets (record level: the max over a record's texts, as the guard scores it):
- `val_writers`   the validation writers of corpus v4 (thresholds are fitted here, nowhere else)
- `test_writers`  the held-out test writers
- `template_test` the v3 template test split (a regression check, never a selection criterion)
- `dev_v1`, `dev_v2`, `dev_all`  ../shared/dev-eval (measure only: never trained on, never used for thresholds)

Per set and label: AUROC, recall at 1% and 5% FPR (negatives = the `none` records, as score.py), positives
not ALLOWed at the flag thresholds fitted on the val writers, and the share of hard negatives not ALLOWed.
dev-eval v2 is also broken down by `register`.

  /usr/bin/python3 training/select_report.py --model training/work/model.pt [--json out.json]
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
import numpy as np  # noqa: E402

from metrics import auroc, recall_at_fpr  # noqa: E402
from texts import LABELS, items_from_records, labels_of, load_jsonl  # noqa: E402

DEV_EVAL = os.environ.get("ALIGNGUARD_DEV_EVAL_DIR", os.path.normpath(os.path.join(HERE, "..", "..", "shared",
                                                                                   "dev-eval")))
FLAG_FPR = 0.03  # per label, on the val writers' hard negatives


def load_sets(corpus_dir, with_template_test=True):
    sets = collections.OrderedDict()
    val = load_jsonl(os.path.join(corpus_dir, "val.jsonl"))
    sets["val_writers"] = [r for r in val if r.get("writer") not in ("template", "public")]
    test = load_jsonl(os.path.join(corpus_dir, "test.jsonl"))
    sets["test_writers"] = [r for r in test if r.get("writer") not in ("template", "public")]
    if with_template_test:
        sets["template_test"] = [r for r in test if r.get("writer") in ("template", "public")]
    v1 = os.path.join(DEV_EVAL, "agent_dev.jsonl")
    v2 = os.path.join(DEV_EVAL, "dev_v2.jsonl")
    if os.path.exists(v1) and os.path.exists(v2):
        sets["dev_v1"] = load_jsonl(v1)
        sets["dev_v2"] = load_jsonl(v2)
    return sets


def record_scores(score_texts, recs):
    items = items_from_records(recs)
    probs = score_texts([it["text"] for it in items])
    return common.record_scores(items, probs, len(recs))


def flag_thresholds(recs, s, fpr=FLAG_FPR):
    y = np.array([labels_of(r) for r in recs])
    hard = np.array([bool(r.get("hard_negative")) for r in recs]) & (y.sum(1) == 0)
    out = {}
    for k, l in enumerate(LABELS):
        neg = np.sort(s[hard, k])[::-1]
        j = int(np.floor(fpr * len(neg)))
        out[l] = float(neg[j]) + 1e-6 if j < len(neg) else 0.5
    return out


def set_metrics(recs, s, flags):
    """As ../shared/dev-eval/score.py counts: a label's positives against the `none` records."""
    y = np.array([labels_of(r) for r in recs]).astype(bool)
    none = ~y.any(1)
    flagged = np.stack([s[:, k] >= flags[l] for k, l in enumerate(LABELS)], 1)
    out = {"records": len(recs)}
    for k, l in enumerate(LABELS):
        yk = y[:, k]
        both = yk | none
        yy, ss = yk[both], s[both, k]
        out[l] = {"n": int(yk.sum()), "auroc": auroc(ss[yy], ss[~yy]),
                  "recall_5": recall_at_fpr(ss[yy], ss[~yy], 0.05), "recall_1": recall_at_fpr(ss[yy], ss[~yy], 0.01),
                  "not_allowed": float(flagged[yk].any(1).mean()) if yk.any() else None}
    hard = np.array([bool(r.get("hard_negative")) for r in recs]) & ~y.any(1)
    out["hard_negatives"] = int(hard.sum())
    out["hard_not_allowed"] = float(flagged[hard].any(1).mean()) if hard.any() else None
    return out


def report(score_texts, corpus_dir, with_template_test=True, by_register=True):
    sets = load_sets(corpus_dir, with_template_test)
    scores = {name: record_scores(score_texts, recs) for name, recs in sets.items()}
    flags = flag_thresholds(sets["val_writers"], scores["val_writers"])
    out = {"flag_thresholds": flags, "sets": {}}
    for name, recs in sets.items():
        out["sets"][name] = set_metrics(recs, scores[name], flags)
    if "dev_v1" in sets:
        all_recs = sets["dev_v1"] + sets["dev_v2"]
        out["sets"]["dev_all"] = set_metrics(all_recs, np.concatenate([scores["dev_v1"], scores["dev_v2"]]), flags)
        if by_register:
            regs = collections.defaultdict(list)
            for i, r in enumerate(sets["dev_v2"]):
                regs[r["id"][:5] + ":" + str(r.get("register"))].append(i)
            out["dev_v2_by_part"] = {}
            for part in ("dv2p-", "dv2x-", "dv2a-"):
                idx = [i for i, r in enumerate(sets["dev_v2"]) if r["id"].startswith(part)]
                out["dev_v2_by_part"][part] = set_metrics([sets["dev_v2"][i] for i in idx], scores["dev_v2"][idx],
                                                          flags)
    return out


def fmt(x):
    return "  -  " if x is None else f"{x:.3f}"


def print_report(rep, title=""):
    print(f"== {title} flag thresholds (val writers, {FLAG_FPR:.0%} hard-negative FPR per label): "
          + ", ".join(f"{l} {v:.3f}" for l, v in rep["flag_thresholds"].items()))
    print(f"{'set':22s} " + " ".join(f"{l[:10]:>30s}" for l in LABELS) + "   hard-neg not allowed")
    print(f"{'':22s} " + " ".join(f"{'auroc  r@5%  r@1%  !allow':>30s}" for _ in LABELS))
    rows = list(rep["sets"].items()) + [("v2 " + k, v) for k, v in rep.get("dev_v2_by_part", {}).items()]
    for name, m in rows:
        cells = [f"{fmt(m[l]['auroc'])} {fmt(m[l]['recall_5'])} {fmt(m[l]['recall_1'])} {fmt(m[l]['not_allowed'])}"
                 for l in LABELS]
        print(f"{name:22s} " + " ".join(f"{c:>30s}" for c in cells)
              + f"   {fmt(m['hard_not_allowed'])} of {m['hard_negatives']}")


def torch_scorer(model_path):
    import torch
    from base_model import new_guard_model
    model = new_guard_model()
    state = torch.load(model_path, map_location="cpu")
    model.load_state_dict(state.get("state_dict", state) if isinstance(state, dict) else state)
    model.eval()
    return lambda texts: common.predict_ids(model, common.encode_texts(texts), 64)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    ap.add_argument("--no-template-test", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    rep = report(torch_scorer(a.model), a.corpus_dir, not a.no_template_test)
    print_report(rep, os.path.basename(a.model))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rep, f, indent=1)


if __name__ == "__main__":
    main()
