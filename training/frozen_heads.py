#!/usr/bin/env python3
"""Frozen-encoder linear heads: how much a stock encoder knows before any fine-tuning.

For the encoder named by ALIGNGUARD_ENCODER (minilm-l6, bge-small, e5-small; see base_model.py), every text of a
record (texts.py: tool-call payload, rationale, whole action; or the record's text) is embedded by the stock
encoder (mean pooling over the attention mask, at most 128 tokens, the tokenisation fine-tuning uses, e5's
"query: " prefix included) and one logistic regression per label is fitted on those embeddings (standardised on
the train sample; BCE with pos_weight sqrt(neg/pos) clamped to [1, 4], as train.py; L-BFGS). The L2 strength of
each label is chosen on the validation writers (1e-4 to 10 in half-decades; record-level AUROC, the max over a
record's texts); the report is select_report.py's (dev-eval both sets, measure only; the held-out test
writers), so the result compares with the fine-tuned candidates in reports/candidates.md.

The head is fitted on a seeded uniform sample of `--train-records` train records (templates, public carriers
and writers' rows in their corpus proportions), because on the shared 2-core machine every 12-layer encoder
embeds only a few texts per second while a training run holds the CPU. The embeddings come from base_model.py's
PyTorch mapping of the stock ONNX model (checked there against ONNX Runtime Java). They are cached per text in training/work/emb-<encoder>.npz (shared with probe.py), so a larger sample reuses
the smaller one's vectors and an interrupted run resumes.

  ALIGNGUARD_ENCODER=e5-small /usr/bin/python3 training/frozen_heads.py --train-records 3000 \\
      --json training/work/sel-frozen-e5-small.json
"""
import argparse
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402  (sets the thread environment before numpy/torch)
import numpy as np  # noqa: E402
import torch  # noqa: E402

import select_report  # noqa: E402
from base_model import ENCODER, ENCODERS  # noqa: E402
from metrics import label_auroc  # noqa: E402
from probe import EmbeddingCache, fit_head  # noqa: E402
from texts import LABELS, items_from_records, labels_of, load_jsonl  # noqa: E402

L2_GRID = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0, 3.0, 10.0)


def train_sample(records, n, seed):
    """The first n records of a seeded shuffle: a larger n keeps every record of a smaller one."""
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    return [records[i] for i in sorted(order[:n])]


def fill_cache(cache, texts, chunk):
    """Embeds the texts not yet cached, shortest first, saving after every chunk so a killed run resumes."""
    todo = sorted({t for t in texts if cache.key(t) not in cache.map}, key=len)
    t0 = time.time()
    for s in range(0, len(todo), chunk):
        cache.embed(todo[s:s + chunk])
        done = min(s + chunk, len(todo))
        print(f"  {ENCODER}: {done}/{len(todo)} new texts, {done / max(time.time() - t0, 1e-9):.1f} texts/s",
              flush=True)


class Standardised:
    """Per-feature z-score fitted on the train sample, so one L2 grid fits every encoder."""

    def __init__(self, x):
        self.mean = x.mean(0)
        self.std = x.std(0) + 1e-6

    def __call__(self, x):
        return (x - self.mean) / self.std


def record_auroc(head, x_items, items, recs, k):
    with torch.no_grad():
        p = torch.sigmoid(head(torch.tensor(x_items, dtype=torch.float32))).double().numpy()
    rec = np.zeros(len(recs))
    np.maximum.at(rec, np.array([it["rec"] for it in items]), p[:, 0])
    y = np.array([labels_of(r)[k] for r in recs])
    return label_auroc(y, rec)


def fit_heads(x, y, x_val, val_items, val_recs):
    """One logistic regression per label, its L2 chosen by the validation writers' record AUROC."""
    pos = y.sum(0)
    pw = np.clip(np.sqrt((len(y) - pos) / np.maximum(pos, 1)), 1, 4)
    heads, chosen = [], {}
    for k, label in enumerate(LABELS):
        best = None
        for l2 in L2_GRID:
            head = fit_head(x, y[:, [k]], l2, pw[[k]])
            a = record_auroc(head, x_val, val_items, val_recs, k)
            print(f"  {label:18s} l2 {l2:g}: val-writer AUROC {a:.4f}", flush=True)
            if best is None or a > best[0]:
                best = (a, l2, head)
        if best[1] in (L2_GRID[0], L2_GRID[-1]):
            print(f"  note: {label}'s L2 {best[1]:g} is at the edge of the grid", flush=True)
        chosen[label] = {"l2": best[1], "val_writers_auroc": best[0]}
        heads.append(best[2])
    return heads, chosen


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    ap.add_argument("--train-records", type=int, default=3000, help="size of the seeded train sample")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--template-test", action="store_true",
                    help="also report the v3 template test split (8,875 more texts to embed)")
    ap.add_argument("--embed-only", action="store_true", help="fill the embedding cache and stop")
    ap.add_argument("--chunk", type=int, default=256, help="texts embedded between cache saves")
    ap.add_argument("--cache", default=os.path.join(common.WORK, f"emb-{ENCODER}.npz"), help="embedding cache (npz)")
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    os.makedirs(os.path.dirname(os.path.abspath(a.cache)), exist_ok=True)
    cache = EmbeddingCache(a.cache)
    train = train_sample(load_jsonl(os.path.join(a.corpus_dir, "train.jsonl")), a.train_records, a.seed)
    sets = select_report.load_sets(a.corpus_dir, a.template_test)
    val_recs = sets["val_writers"]
    # evaluation texts first: with them cached, a larger train sample is the only cost left
    for name, recs in sets.items():
        fill_cache(cache, [it["text"] for it in items_from_records(recs)], a.chunk)
    train_items = items_from_records(train)
    fill_cache(cache, [it["text"] for it in train_items], a.chunk)
    if a.embed_only:
        return

    raw = cache.embed([it["text"] for it in train_items])
    z = Standardised(raw)
    x = z(raw)
    y = np.array([it["labels"] for it in train_items])
    val_items = items_from_records(val_recs)
    x_val = z(cache.embed([it["text"] for it in val_items]))
    heads, chosen = fit_heads(x, y, x_val, val_items, val_recs)
    print(f"fitted on {len(train_items)} texts of {len(train)} train records; L2 per label: "
          + ", ".join(f"{l} {c['l2']:g}" for l, c in chosen.items()), flush=True)

    def score(texts):
        xt = torch.tensor(z(cache.embed(texts)), dtype=torch.float32)
        with torch.no_grad():
            return torch.sigmoid(torch.cat([h(xt) for h in heads], 1)).double().numpy()
    rep = select_report.report(score, a.corpus_dir, a.template_test)
    rep["frozen_head"] = {"encoder": ENCODER, "model": ENCODERS[ENCODER]["name"], "train_records": len(train),
                          "train_texts": len(train_items), "seed": a.seed, "l2": chosen}
    select_report.print_report(rep, f"frozen {ENCODER} + linear heads")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rep, f, indent=1)


if __name__ == "__main__":
    main()
