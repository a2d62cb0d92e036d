#!/usr/bin/env python3
"""Experiment (option 1 of reports/malevolence.md): a separately fine-tuned small model for `ai_malevolence`,
to compare with the frozen fourth head of malevolence_head.py.

Stock MiniLM-L6 (base_model.py's PyTorch mapping of training/work/all-minilm-l6-v2.onnx) + mean pooling + one
logit, on malevolence_head.py's corpus, audit drops, writer split and window rule. Cheap by construction: the
embeddings and the lower --frozen-layers encoder layers stay frozen, so their output is computed once per window
(in eval mode) and cached in memory; only the top layers and the head are trained. Every window carries its
document's label, documents weigh 1 over their windows and the classes weigh the same; AdamW (lr 5e-5, head
5e-4), batch 16. After every epoch the validation writers' document AUROC (max over windows) is measured and the
best epoch is kept (training/work/malevolence-finetune.pt). Whenever an epoch improves, the threshold is fitted on the
validation writers' hard negatives (malevolence_head.recommended_threshold), and the test writers and
../shared/narrative-dev (its score.py on a score file written here; measure only, never trained or tuned on) are
reported. With --onnx the best model is exported (inputs input_ids/attention_mask, output ai_malevolence
[batch,1] sigmoid), quantised int8 with quantize.py's quantize() and checked with ortcheck against PyTorch.

  OMP_NUM_THREADS=2 nice -n 5 /usr/bin/python3 training/malevolence_finetune.py --epochs 2 --frozen-layers 3 \\
      --narrative-dev ../shared/narrative-dev --json training/reports/malevolence-finetune.json \\
      --onnx training/work/malevolence_int8.onnx
"""
import argparse
import copy
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


FP32_TOLERANCE = 1e-4  # the fp32 export must match PyTorch to float rounding; int8 is reported, not bounded


class MalevolenceModel(torch.nn.Module):
    """Encoder + mean pooling + one logit; `lower`/`upper` split the encoder at the frozen layers."""

    def __init__(self, frozen_layers, guard_checkpoint=None):
        super().__init__()
        self.encoder = load_pretrained_encoder()
        if guard_checkpoint:  # start from a fine-tuned guard encoder (train.py's state dict) instead of stock MiniLM
            state = torch.load(guard_checkpoint, map_location="cpu")
            self.encoder.load_state_dict({k[len("encoder."):]: v for k, v in state.items() if k.startswith("encoder.")})
        self.frozen = frozen_layers
        self.head = torch.nn.Linear(HIDDEN, 1)
        torch.nn.init.normal_(self.head.weight, std=0.02)
        torch.nn.init.zeros_(self.head.bias)

    @staticmethod
    def _bias(mask, dtype):
        return ((1.0 - mask.to(dtype)) * -10000.0)[:, None, None, :]

    def lower(self, ids, mask):
        x = self.encoder.embeddings(ids)
        bias = self._bias(mask, x.dtype)
        for layer in self.encoder.layers[:self.frozen]:
            x = layer(x, bias)
        return x

    def upper(self, x, mask):
        bias = self._bias(mask, x.dtype)
        for layer in self.encoder.layers[self.frozen:]:
            x = layer(x, bias)
        return self.head(mean_pool(x, mask))[:, 0]

    def forward(self, ids, mask):
        return self.upper(self.lower(ids, mask), mask)


class ExportWrapper(torch.nn.Module):
    """What goes into the ONNX file: ai_malevolence = sigmoid(logit), [batch, 1]."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return torch.sigmoid(self.model(input_ids, attention_mask))[:, None]


def saved_state(model, path):
    """The state dict saved at `path`, or rebuilt from an int8 export (a released corpus model's model.onnx) when
    the fp32 state it came from is gone: checkpoint_from_bundle.rebuild_weights, up to the weights' rounding."""
    if path.endswith(".onnx"):
        from checkpoint_from_bundle import rebuild_weights
        return rebuild_weights(path, model.state_dict().keys())
    return torch.load(path, map_location="cpu")


@torch.no_grad()
def cache_lower(model, seqs, batch=32):
    """Output of the frozen lower layers for every window (eval mode), trimmed to the window's length."""
    model.eval()
    out = [None] * len(seqs)
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    t0 = time.time()
    for s in range(0, len(order), batch):
        idx = order[s:s + batch]
        ids, mask = common.pad([seqs[i] for i in idx])
        x = model.lower(ids, mask)
        for j, i in enumerate(idx):
            out[i] = x[j, :len(seqs[i])].clone()
        if (s // batch) % 10 == 0:
            print(f"  cache {s + len(idx)}/{len(seqs)} {time.time() - t0:.0f} s", flush=True)
    return out


def mil_windows(logits, idx, doc, y_doc):
    """Multiple-instance selection over the windows `idx` (with their current `logits`): every window of a negative
    document (none of them depicts the act) and only the highest-scoring window of each positive document (the
    one the document score is taken from; its other windows may be plain scenery)."""
    idx = np.asarray(idx)
    keep = y_doc[doc[idx]] == 0
    top = {}
    for i, v in zip(idx, logits):
        d = doc[i]
        if y_doc[d] == 1 and (d not in top or v > top[d][1]):
            top[d] = (i, v)
    keep[np.isin(idx, [i for i, _ in top.values()])] = True
    return idx[keep]


def window_weights(idx, doc, y_doc, n):
    """Weights over n windows, nonzero on the windows `idx` (malevolence_head.document_weights over them)."""
    w = np.zeros(n)
    w[idx] = mh.document_weights(mh._dense(doc[idx]), y_doc[np.unique(doc[idx])])
    return w


def recipe(a, writer_doc, split_doc):
    """The run's settings for the report."""
    init = a.resume or a.report_from or a.init_guard or "stock MiniLM-L6"
    return {"frozen_layers": a.frozen_layers, "init": init, "objective": a.objective,
            "warmup_epochs": a.warmup_epochs, "lr": a.lr, "window_tokens": a.window, "stride_tokens": a.stride,
            "writers_train": sorted(set(writer_doc[split_doc == "train"]))}


def pad_hidden(xs):
    s = max(len(x) for x in xs)
    h = torch.zeros((len(xs), s, HIDDEN))
    mask = torch.zeros((len(xs), s), dtype=torch.long)
    for i, x in enumerate(xs):
        h[i, :len(x)] = x
        mask[i, :len(x)] = 1
    return h, mask


@torch.no_grad()
def window_logits(model, hidden, idx, batch=32):
    model.eval()
    idx = sorted(idx, key=lambda i: len(hidden[i]))
    out = {}
    for s in range(0, len(idx), batch):
        b = idx[s:s + batch]
        h, mask = pad_hidden([hidden[i] for i in b])
        for i, v in zip(b, model.upper(h, mask).double().numpy()):
            out[i] = v
    return np.array([out[i] for i in sorted(out)])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--frozen-layers", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--init-guard", help="encoder weights from this guard checkpoint (train.py) instead of stock MiniLM")
    ap.add_argument("--objective", choices=("all", "mil"), default="all",
                    help="all: every window carries its document's label; mil: after --warmup-epochs, a positive "
                         "document trains only its highest-scoring window (multiple-instance learning, as the "
                         "document score is the highest window), a negative document all its windows")
    ap.add_argument("--warmup-epochs", type=int, default=1, help="epochs with every window labelled (mil only)")
    ap.add_argument("--lr", type=float, default=5e-5, help="learning rate of the encoder layers (head: 10x)")
    ap.add_argument("--window", type=int, default=mh.WINDOW,
                    help="content tokens per window (the model's max length is this + 2)")
    ap.add_argument("--stride", type=int, default=mh.STRIDE, help="content tokens between window starts")
    ap.add_argument("--narrative-dev")
    ap.add_argument("--json", required=True)
    ap.add_argument("--onnx", help="write the best model here, int8 (fp32 next to it as *_fp32.onnx)")
    ap.add_argument("--export-from", help="no training: load this saved best state (malevolence-finetune.pt) and "
                                          "only export it to --onnx (when a run was stopped after its best epoch)")
    ap.add_argument("--report-from", help="no training: load this saved state, fit the threshold on the current "
                                          "validation writers and report (--json), then export if --onnx is given "
                                          "(after the writer splits changed, or for writers added after the run)")
    ap.add_argument("--trained-epoch", type=int, default=0,
                    help="with --report-from or --resume: the epoch the saved state was saved after")
    ap.add_argument("--exclude-writers", nargs="*", default=[], help="leave these writers out entirely")
    ap.add_argument("--resume", help="train on from this saved state (fresh optimizer) from epoch --trained-epoch + 1; "
                                     "a .onnx path (a shipped int8 model.onnx) is rebuilt to fp32 weights first")
    a = ap.parse_args(argv)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    t0 = time.time()
    rows = [r for r in mh.load_rows() if r["writer"] not in a.exclude_writers]
    y_doc = np.array([mh.label_of(r) for r in rows])
    split_doc = np.array([mh.split_of(r) for r in rows])
    hard_doc = np.array([r["label"] != mh.POSITIVE and bool(r.get("hard_negative")) for r in rows])
    writer_doc = np.array([r["writer"] for r in rows])
    seqs, doc = mh.tokenise_documents([r["text"] for r in rows], window=a.window, stride=a.stride)
    inputs = []
    if a.narrative_dev:
        with open(os.path.join(a.narrative_dev, "inputs.jsonl"), encoding="utf-8") as f:
            inputs = [json.loads(line) for line in f if line.strip()]
    nseqs, ndoc = (mh.tokenise_documents([r["text"] for r in inputs], window=a.window, stride=a.stride) if inputs
                   else ([], np.zeros(0, np.int64)))
    train = np.flatnonzero((split_doc == "train")[doc])
    val = np.flatnonzero((split_doc == "val")[doc])
    held = np.flatnonzero((split_doc != "train")[doc])
    weights = window_weights(train, doc, y_doc, len(seqs))
    print(f"windows: train {len(train)}, held {len(held)}, narrative-dev {len(nseqs)}", flush=True)

    model = MalevolenceModel(a.frozen_layers, a.init_guard)
    if a.export_from:
        if not a.onnx:
            raise SystemExit("--export-from needs --onnx")
        model.load_state_dict(torch.load(a.export_from, map_location="cpu"))
        export(model, a.onnx, seqs, held)
        return
    if a.report_from:
        model.load_state_dict(torch.load(a.report_from, map_location="cpu"))
        all_seqs = seqs + nseqs
        need = list(held) + list(range(len(seqs), len(all_seqs)))
        hidden = [None] * len(all_seqs)
        for i, h in zip(need, cache_lower(model, [all_seqs[i] for i in need])):
            hidden[i] = h
        report(a, model, hidden, seqs, doc, nseqs, ndoc, inputs,
               [{"epoch": a.trained_epoch, "reported_from": os.path.basename(a.report_from)}], held, y_doc, split_doc,
               hard_doc, writer_doc, recipe(a, writer_doc, split_doc))
        if a.onnx:
            export(model, a.onnx, seqs, held)
        return
    if a.resume:
        model.load_state_dict(saved_state(model, a.resume))
    model.encoder.embeddings.requires_grad_(False)
    for layer in model.encoder.layers[:a.frozen_layers]:
        layer.requires_grad_(False)
    t_cache = time.time()
    hidden = cache_lower(model, seqs + nseqs)
    t_cache = time.time() - t_cache
    print(f"cached {len(hidden)} windows in {t_cache:.0f} s", flush=True)
    trainable = [p for layer in model.encoder.layers[a.frozen_layers:] for p in layer.parameters()]
    opt = torch.optim.AdamW([{"params": trainable, "lr": a.lr}, {"params": model.head.parameters(), "lr": 10 * a.lr}],
                            weight_decay=0.01)
    best_path = os.path.join(mh.WORK, "malevolence-finetune.pt")
    history, best, best_state = [], -1.0, None
    for epoch in range(a.trained_epoch if a.resume else 0, a.epochs):
        mil = a.objective == "mil" and epoch >= a.warmup_epochs
        chosen, wts = train, weights
        if mil:
            chosen = mil_windows(window_logits(model, hidden, list(train)), train, doc, y_doc)
            wts = window_weights(chosen, doc, y_doc, len(seqs))
            print(f"  mil: {len(chosen)} of {len(train)} train windows", flush=True)
        model.train()
        order = chosen[np.argsort([len(seqs[i]) for i in chosen], kind="stable")]
        batches = [order[s:s + 16] for s in range(0, len(order), 16)]
        rng.shuffle(batches)
        te = time.time()
        for k, b in enumerate(batches):
            h, mask = pad_hidden([hidden[i] for i in b])
            y = torch.tensor(y_doc[doc[b]], dtype=torch.float32)
            w = torch.tensor(wts[b], dtype=torch.float32)
            loss = (torch.nn.functional.binary_cross_entropy_with_logits(model.upper(h, mask), y, reduction="none")
                    * w).sum() / w.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            if k % 5 == 0:
                print(f"  epoch {epoch + 1} batch {k}/{len(batches)} loss {loss.item():.3f} "
                      f"{(time.time() - te) / (k + 1):.2f} s/step, {time.time() - t0:.0f} s", flush=True)
        s_step = (time.time() - te) / len(batches)
        d = np.full(len(rows), -np.inf)
        vd = mh.document_max(window_logits(model, hidden, list(val)), doc[val], len(rows))
        d = np.where(split_doc == "val", vd, d)
        sel = split_doc == "val"
        v = auroc(d[sel & (y_doc == 1)], d[sel & (y_doc == 0)])
        history.append({"epoch": epoch + 1, "objective": "mil" if mil else "all", "val_auroc": round(v, 4),
                        "s_per_step": round(s_step, 2), "seconds": round(time.time() - t0)})
        print(f"epoch {epoch + 1}: val AUROC {v:.4f} ({s_step:.2f} s/step)", flush=True)
        if v > best:
            best, best_state = v, copy.deepcopy(model.state_dict())
            torch.save(best_state, best_path)
            report(a, model, hidden, seqs, doc, nseqs, ndoc, inputs, history, held, y_doc, split_doc, hard_doc,
                   writer_doc, {**recipe(a, writer_doc, split_doc), "cache_seconds": round(t_cache)})
    model.load_state_dict(best_state)
    if a.onnx:
        export(model, a.onnx, seqs, held)
    print(f"done in {time.time() - t0:.0f} s", flush=True)


def report(a, model, hidden, seqs, doc, nseqs, ndoc, inputs, history, held, y_doc, split_doc, hard_doc,
           writer_doc, recipe):
    """Threshold on the validation writers, test writers and narrative-dev for the best epoch so far (the last one
    in `history`; rewritten whenever an epoch improves)."""
    best = history[-1]
    p = 1 / (1 + np.exp(-mh.document_max(window_logits(model, hidden, list(held)), doc[held], len(y_doc))))
    thr = mh.recommended_threshold(p[(split_doc == "val") & hard_doc])
    out = {"recipe": recipe, "history": history, "best_epoch": best["epoch"], "threshold": thr,
           "splits": {k: v for k, v in mh.split_report(p, y_doc, split_doc, hard_doc, writer_doc, thr).items()
                      if k != "train"}}
    if inputs:
        n = len(seqs)
        nwin = 1 / (1 + np.exp(-window_logits(model, hidden, list(range(n, n + len(nseqs))))))
        nd = mh.document_max(nwin, ndoc, len(inputs))
        path = os.path.join(mh.WORK, "nd-scores-finetune.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, r in enumerate(inputs):
                f.write(json.dumps({"line": i + 1, "id": r["id"], mh.OUTPUT: round(float(nd[i]), 6)}) + "\n")
        res = subprocess.run([sys.executable, os.path.join(a.narrative_dev, "score.py"), path, "--threshold",
                              str(thr)], stdout=subprocess.PIPE, text=True, check=True).stdout
        print(res, flush=True)
        out["narrative_dev"] = mh.parse_score_output(res)
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
    print(json.dumps({k: {m: v.get(m) for m in ("auroc", "recall_at_5pct_fpr", "hard_neg_over_threshold")}
                      for k, v in out["splits"].items()}), flush=True)


def export(model, path, seqs, held):
    """fp32 ONNX export, int8 quantisation (quantize.py) and an ORT check of both against PyTorch."""
    import onnx
    import ortcheck
    import quantize
    model.eval()
    fp32 = path.replace(".onnx", "_fp32.onnx") if "int8" not in path else path.replace("int8", "fp32")
    ids, mask = common.pad([seqs[0], seqs[1]])
    # eval before the export: torch.onnx.export restores the mode it found, and a new module starts in train mode
    # (dropout on), which would leave the reference below computed with dropout
    wrapper = ExportWrapper(model).eval()
    torch.onnx.export(wrapper, (ids, mask), fp32, input_names=["input_ids", "attention_mask"],
                      output_names=[mh.OUTPUT], opset_version=14, do_constant_folding=True,
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                    mh.OUTPUT: {0: "batch"}})
    q, _ = quantize.quantize(onnx.load(fp32))  # plain dynamic int8, no SmoothQuant (needs the guard's ckpt)
    onnx.checker.check_model(q)
    onnx.save(q, path)
    check = [seqs[i] for i in held[::6]]
    with torch.no_grad():
        ref = torch.cat([wrapper(*common.pad(check[s:s + 16])) for s in range(0, len(check), 16)]).numpy()
    for p in (fp32, path):
        got = np.asarray(ortcheck.run(p, check, output=mh.OUTPUT))
        diff = float(np.abs(got.reshape(-1) - ref.reshape(-1)).max())
        print(f"  ortcheck {os.path.basename(p)}: {len(check)} windows, max |ORT - PyTorch| {diff:.2e}, "
              f"sha256 {mh.sha256(p)}", flush=True)
        if p == fp32 and diff > FP32_TOLERANCE:
            raise SystemExit(f"{fp32} differs from PyTorch by {diff:.2e} (> {FP32_TOLERANCE}): export is broken")


if __name__ == "__main__":
    main()
