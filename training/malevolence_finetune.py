#!/usr/bin/env python3
"""Experiment (measure only, nothing ships): what a separately fine-tuned small model reaches on the
`ai_malevolence` task, to compare with the frozen fourth head of malevolence_head.py.

Stock MiniLM-L6 (base_model.py's PyTorch mapping of training/work/all-minilm-l6-v2.onnx) + mean pooling + one
logit, fine-tuned on the train writers' windows of the malevolence corpus (malevolence_head.py's corpus, audit
drops, writer split and window rule; every window carries its document's label, documents weigh 1 over their
windows and the classes weigh the same), word embeddings frozen as in train.py, AdamW (lr 5e-5, head 5e-4),
batch 16, 1 thread. After every epoch the validation writers' document AUROC (max over windows) is measured;
the best epoch is kept (training/work/malevolence-finetune.pt; the report is rewritten whenever the epoch improves),
the threshold is fitted on the validation writers' hard negatives
(malevolence_head.recommended_threshold), and the test writers and ../shared/narrative-dev (its score.py on a
score file written here; never trained or tuned on) are reported.

  OMP_NUM_THREADS=1 /usr/bin/python3 training/malevolence_finetune.py --epochs 3 \\
      --narrative-dev ../shared/narrative-dev --json training/reports/malevolence-finetune.json
"""
import argparse
import json
import os
import sys
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402  (thread environment, tokenizer)
import numpy as np  # noqa: E402
import torch  # noqa: E402

import malevolence_head as mh  # noqa: E402
from base_model import HIDDEN, load_pretrained_encoder, mean_pool  # noqa: E402
from metrics import auroc  # noqa: E402


class MalevolenceModel(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = load_pretrained_encoder()
        self.head = torch.nn.Linear(HIDDEN, 1)
        torch.nn.init.normal_(self.head.weight, std=0.02)
        torch.nn.init.zeros_(self.head.bias)

    def forward(self, ids, mask):
        return self.head(mean_pool(self.encoder(ids, mask), mask))[:, 0]


@torch.no_grad()
def window_logits(model, seqs, batch=32):
    model.eval()
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    out = np.zeros(len(seqs))
    for s in range(0, len(order), batch):
        idx = order[s:s + batch]
        ids, mask = common.pad([seqs[i] for i in idx])
        out[idx] = model(ids, mask).double().numpy()
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--narrative-dev")
    ap.add_argument("--json", required=True)
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    rows = mh.load_rows()
    y_doc = np.array([mh.label_of(r) for r in rows])
    split_doc = np.array([mh.split_of(r) for r in rows])
    hard_doc = np.array([r["label"] != mh.POSITIVE and bool(r.get("hard_negative")) for r in rows])
    writer_doc = np.array([r["writer"] for r in rows])
    seqs, doc = mh.tokenise_documents([r["text"] for r in rows])
    train = np.flatnonzero((split_doc == "train")[doc])
    weights = np.zeros(len(seqs))
    weights[train] = mh.document_weights(mh._dense(doc[train]), y_doc[np.unique(doc[train])])
    held = np.flatnonzero((split_doc != "train")[doc])

    model = MalevolenceModel()
    model.encoder.embeddings.requires_grad_(False)
    enc = [p for p in model.encoder.parameters() if p.requires_grad]
    opt = torch.optim.AdamW([{"params": enc, "lr": 5e-5}, {"params": model.head.parameters(), "lr": 5e-4}],
                            weight_decay=0.01)
    history, best = [], -1.0
    t0 = time.time()
    for epoch in range(a.epochs):
        model.train()
        order = train[np.argsort([len(seqs[i]) for i in train], kind="stable")]
        batches = [order[s:s + 16] for s in range(0, len(order), 16)]
        rng.shuffle(batches)
        for k, b in enumerate(batches):
            ids, mask = common.pad([seqs[i] for i in b])
            y = torch.tensor(y_doc[doc[b]], dtype=torch.float32)
            w = torch.tensor(weights[b], dtype=torch.float32)
            loss = (torch.nn.functional.binary_cross_entropy_with_logits(model(ids, mask), y, reduction="none")
                    * w).sum() / w.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            if k % 20 == 0:
                print(f"  epoch {epoch + 1} batch {k}/{len(batches)} loss {loss.item():.3f} "
                      f"{time.time() - t0:.0f} s", flush=True)
        s = np.full(len(seqs), -np.inf)
        s[held] = window_logits(model, [seqs[i] for i in held])
        d = mh.document_max(s, doc, len(rows))
        val = split_doc == "val"
        v = auroc(d[val & (y_doc == 1)], d[val & (y_doc == 0)])
        history.append({"epoch": epoch + 1, "val_auroc": round(v, 4), "seconds": round(time.time() - t0)})
        print(f"epoch {epoch + 1}: val AUROC {v:.4f}", flush=True)
        if v > best:
            best = v
            torch.save(model.state_dict(), os.path.join(mh.WORK, "malevolence-finetune.pt"))
            write_report(a, model, history, d, y_doc, split_doc, hard_doc, writer_doc)


def write_report(a, model, history, logits_doc, y_doc, split_doc, hard_doc, writer_doc):
    """Threshold on the validation writers, test writers and narrative-dev for the best epoch so far."""
    p = 1 / (1 + np.exp(-logits_doc))
    thr = mh.recommended_threshold(p[(split_doc == "val") & hard_doc])
    report = {"history": history, "best_epoch": history[-1]["epoch"], "threshold": thr,
              "splits": {k: v for k, v in mh.split_report(p, y_doc, split_doc, hard_doc, writer_doc, thr).items()
                         if k != "train"}}
    if a.narrative_dev:
        with open(os.path.join(a.narrative_dev, "inputs.jsonl"), encoding="utf-8") as f:
            inputs = [json.loads(line) for line in f if line.strip()]
        nseqs, ndoc = mh.tokenise_documents([r["text"] for r in inputs])
        nwin = 1 / (1 + np.exp(-window_logits(model, nseqs)))
        nd = mh.document_max(nwin, ndoc, len(inputs))
        path = os.path.join(mh.WORK, "nd-scores-finetune.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, r in enumerate(inputs):
                f.write(json.dumps({"line": i + 1, "id": r["id"], mh.OUTPUT: round(float(nd[i]), 6)}) + "\n")
        out = subprocess.run([sys.executable, os.path.join(a.narrative_dev, "score.py"), path, "--threshold",
                              str(thr)], stdout=subprocess.PIPE, text=True, check=True).stdout
        print(out, flush=True)
        report["narrative_dev"] = mh.parse_score_output(out)
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report["splits"]["test"]), flush=True)


if __name__ == "__main__":
    main()
