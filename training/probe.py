#!/usr/bin/env python3
"""Frozen-encoder baseline: the stock encoder's mean-pooled embeddings (no fine-tuning) and a logistic head
per label fitted on the train split, reported with select_report.py on the same sets as fine-tuned models.
Embeddings are cached in training/work/emb-<encoder>.npz by text, so re-fits after a corpus change only embed
the new texts.

  /usr/bin/python3 training/probe.py [--corpus-dir training/data/corpus] [--l2 1e-3] [--save head.pt]
"""
import argparse
import hashlib
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402

import select_report  # noqa: E402
from base_model import ENCODER, load_pretrained_encoder, mean_pool  # noqa: E402
from texts import items_from_records, load_jsonl  # noqa: E402


class EmbeddingCache:
    def __init__(self, path):
        self.path = path
        self.map = {}
        if os.path.exists(path):
            z = np.load(path)
            self.map = dict(zip(z["keys"].tolist(), z["vecs"]))
        self.encoder = None

    @staticmethod
    def key(text):
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    @torch.no_grad()
    def embed(self, texts):
        keys = [self.key(t) for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in self.map}.items())
        if todo:
            if self.encoder is None:
                self.encoder = load_pretrained_encoder().eval()
            t0 = time.time()
            seqs = common.encode_texts([t for _, t in todo])
            order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
            for s in range(0, len(order), 64):
                idx = order[s:s + 64]
                ids, mask = common.pad([seqs[i] for i in idx])
                vec = mean_pool(self.encoder(ids, mask), mask).numpy()
                for i, v in zip(idx, vec):
                    self.map[todo[i][0]] = v
            print(f"embedded {len(todo)} new texts in {time.time() - t0:.0f}s", flush=True)
            self.save()
        return np.stack([self.map[k] for k in keys])

    def save(self):
        keys = sorted(self.map)
        np.savez(self.path, keys=np.array(keys), vecs=np.stack([self.map[k] for k in keys]))


def fit_head(x, y, l2, pos_weight, steps=300):
    """Logistic regression per label (one linear layer, 3 logits), L-BFGS on the full batch."""
    xt = torch.tensor(x, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.float32)
    head = torch.nn.Linear(x.shape[1], y.shape[1])
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight, dtype=torch.float32))
    opt = torch.optim.LBFGS(head.parameters(), lr=1.0, max_iter=steps, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = loss_fn(head(xt), yt) + l2 * head.weight.pow(2).sum()
        loss.backward()
        return loss
    opt.step(closure)
    return head


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--writers-only", action="store_true", help="fit on the writers' train rows only")
    ap.add_argument("--no-template-test", action="store_true")
    ap.add_argument("--save", help="write the head's state_dict here")
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    os.makedirs(common.WORK, exist_ok=True)
    cache = EmbeddingCache(os.path.join(common.WORK, f"emb-{ENCODER}.npz"))
    train = load_jsonl(os.path.join(a.corpus_dir, "train.jsonl"))
    if a.writers_only:
        train = [r for r in train if r.get("writer") not in ("template", "public")]
    items = items_from_records(train)
    x = cache.embed([it["text"] for it in items])
    y = np.array([it["labels"] for it in items])
    pos = y.sum(0)
    pw = np.clip(np.sqrt((len(y) - pos) / np.maximum(pos, 1)), 1, 4)
    head = fit_head(x, y, a.l2, pw)
    print(f"fitted on {len(items)} texts from {len(train)} records", flush=True)

    def score(texts):
        with torch.no_grad():
            return torch.sigmoid(head(torch.tensor(cache.embed(texts), dtype=torch.float32))).double().numpy()
    rep = select_report.report(score, a.corpus_dir, not a.no_template_test)
    select_report.print_report(rep, f"frozen {ENCODER} + linear head (l2 {a.l2})")
    if a.save:
        torch.save(head.state_dict(), a.save)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rep, f, indent=1)


if __name__ == "__main__":
    main()
