#!/usr/bin/env python3
"""Screening student for the cascade (issue #5): a tiny convolutional classifier that clears obviously benign
text so that only uncertain text pays for the full transformer.

Architecture: the MiniLM word-embedding table projected to 96 dimensions by PCA (initialisation, then
fine-tuned), two 1-D convolutions (kernel 3, 192 channels, GELU; a 5-token receptive field), masked max and
mean pooling, one linear layer to three logits. About 0.1 ms per 64-token text on one core (it shares the
teacher's tokenizer and token ids, so the cascade tokenises once).

Distillation: the target per label is max(gold label, teacher probability): the student learns to raise
whatever the teacher would find suspicious as well as every true positive, which is what a screen needs
(an escalated benign text only costs time; a cleared positive is a miss).

Calibration (validation split only): `clear_below` = q_l x each label's FLAG threshold (so a cleared text can
never reach a decision), with per-label multiples q_l grown while the cascade loses at most `--max-recall-loss`
(0.5 points) recall at 1% FPR and at most `--max-flag-recall-loss` (1 point) recall at the flag threshold on
validation, for every label. A text is cleared only when all three labels are below their `clear_below`. The test split then reports what the cascade costs against the teacher alone (recall at 1%
FPR, per label) and how much benign text it clears.

Outputs: training/work/student.onnx (fp16 embedding table, Gather then Cast) and training/work/student.json
(thresholds, metrics, command), which bundle.py copies into the bundle.

  /usr/bin/python3 training/student.py [--corpus-dir training/work/corpus] [--teacher training/work/model_int8.onnx]
"""
import argparse
import hashlib
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import common
import ortcheck
from base_model import LABELS, load_pretrained_encoder
from metrics import label_auroc, recall_at_fpr
from texts import items_from_records, load_jsonl

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLED = os.path.join(HERE, "..", "guard-model", "src", "main", "resources", "dev", "alignguard", "model")


class Student(nn.Module):
    def __init__(self, emb, channels=192):
        super().__init__()
        self.emb = nn.Embedding.from_pretrained(emb, freeze=False, padding_idx=0)
        d = emb.shape[1]
        self.conv1 = nn.Conv1d(d, channels, 3, padding=1)
        self.conv2 = nn.Conv1d(channels, channels, 3, padding=1)
        self.head = nn.Linear(2 * channels, len(LABELS))

    def forward(self, input_ids, attention_mask):
        m = attention_mask.unsqueeze(1).to(torch.float32)             # [B,1,S]
        x = self.emb(input_ids).transpose(1, 2) * m                    # [B,D,S]
        x = F.gelu(self.conv1(x)) * m
        x = F.gelu(self.conv2(x)) * m
        mx = (x - (1.0 - m) * 1e4).amax(dim=2)                         # masked max
        mean = x.sum(dim=2) / m.sum(dim=2).clamp(min=1.0)
        return self.head(torch.cat([mx, mean], dim=1))


class ExportStudent(nn.Module):
    """Export wrapper: fp16 table, sigmoid output (the bundle contract is probabilities)."""

    def __init__(self, s):
        super().__init__()
        self.s = s
        self.table = nn.Parameter(s.emb.weight.detach().half(), requires_grad=False)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.unsqueeze(1).to(torch.float32)
        x = F.embedding(input_ids, self.table).to(torch.float32).transpose(1, 2) * m
        x = F.gelu(self.s.conv1(x)) * m
        x = F.gelu(self.s.conv2(x)) * m
        mx = (x - (1.0 - m) * 1e4).amax(dim=2)
        mean = x.sum(dim=2) / m.sum(dim=2).clamp(min=1.0)
        return torch.sigmoid(self.s.head(torch.cat([mx, mean], dim=1)))


def pca_table(dim):
    w = load_pretrained_encoder().embeddings.word_embeddings.weight.detach().double()
    mu = w.mean(0, keepdim=True)
    u, s, v = torch.pca_lowrank(w - mu, q=dim, center=False, niter=4)
    t = (w - mu) @ v[:, :dim]
    t = t / t.std()
    return t.float()


def teacher_probs(teacher, seqs, tag, corpus_dir):
    h = hashlib.sha256()
    with open(teacher, "rb") as f:
        h.update(f.read(1 << 20))
    h.update(str(os.path.getsize(teacher)).encode())
    for s in seqs:
        h.update(np.asarray(s, dtype=np.int32).tobytes())
    cache = os.path.join(common.WORK, f"teacher_{tag}_{h.hexdigest()[:16]}.npy")
    if os.path.exists(cache):
        return np.load(cache)
    t0 = time.time()
    p = ortcheck.run(teacher, seqs, batch=16, threads=2)
    np.save(cache, p)
    print(f"teacher scored {len(seqs)} {tag} texts in {time.time() - t0:.0f}s", flush=True)
    return p


_LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7"}


def leet(rng, text):
    """Digit-for-letter spelling at a random rate (30-90%); a map of our own, not the obfuscation set's."""
    rate = rng.uniform(0.3, 0.9)
    return "".join(rng.choice(_LEET[c.lower()]) if c.lower() in _LEET and rng.random() < rate else c for c in text)


def predict(model, seqs, batch=256):
    return common.predict_ids(model, seqs, batch)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus-dir", default=os.path.join(common.WORK, "corpus"))
    p.add_argument("--teacher", default=os.path.join(common.WORK, "model_int8.onnx"))
    p.add_argument("--teacher-manifest", default=None, help="manifest with the teacher's thresholds "
                   "(default: training/work/metrics.json thresholds, else the bundled manifest)")
    p.add_argument("--dim", type=int, default=96)
    p.add_argument("--channels", type=int, default=256)
    p.add_argument("--epochs", type=int, default=12)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--max-recall-loss", type=float, default=0.005,
                   help="largest loss of recall at 1%% FPR (per label, on val) the screen may cost")
    p.add_argument("--max-flag-recall-loss", type=float, default=0.01,
                   help="largest loss of recall at the flag threshold (per label, on val) the screen may cost")
    p.add_argument("--leet-copies", type=int, default=1,
                   help="leetspeak copies of each positive train text (0 = none)")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--refit", action="store_true",
                   help="keep work/student.onnx and only re-fit clear_below and the metrics (new teacher or budget)")
    a = p.parse_args(argv)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    if not os.path.exists(a.teacher):
        a.teacher = os.path.join(BUNDLED, "model.onnx")
        print(f"no trained teacher in work/; using the bundled model {a.teacher}")

    splits = {}
    for split in ("val", "test") if a.refit else ("train", "val", "test"):  # a refit never reads train
        items = items_from_records(load_jsonl(os.path.join(a.corpus_dir, f"{split}.jsonl")))
        seqs = common.encode_texts([it["text"] for it in items])
        y = np.array([it["labels"] for it in items], dtype=np.float64)
        hard = np.array([it["hard_negative"] for it in items])
        splits[split] = (items, seqs, y, hard, teacher_probs(a.teacher, seqs, split, a.corpus_dir))
    thresholds = teacher_thresholds(a)

    out = os.path.join(common.WORK, "student.onnx")
    if a.refit:
        # re-calibrate the student already in work/ (for a new teacher, thresholds or budget) without retraining
        if not os.path.exists(out):
            sys.exit(f"--refit needs a trained student at {out}")
        with open(os.path.join(common.WORK, "student.json")) as f:
            info = json.load(f)
        score = lambda s: ortcheck.run(out, s, batch=64, threads=2, verbose=False)
        train_s = None
    else:
        model, train_s = train_student(a, splits)
        score = lambda s: predict(model, s)
        info = {}

    # calibration on validation: the largest clear_below that costs (almost) no recall against the teacher
    _, vs, vy, _, vt = splits["val"]
    sv = score(vs)
    clear, q = calibrate(sv, vy, vt, thresholds, a.max_recall_loss, a.max_flag_recall_loss)
    print("clear_below: " + ", ".join(f"{l}={v:.4f} ({q[l]:.2f} x flag)" for l, v in clear.items()), flush=True)

    metrics = {}
    for split in ("val", "test"):
        _, ss, sy, shard, st = splits[split]
        sp = score(ss)
        cleared = np.all(sp < np.array([clear[l] for l in LABELS]), axis=1)
        cascade = np.where(cleared[:, None], sp, st)
        neg = sy.max(axis=1) == 0
        m = {"texts": int(len(ss)), "cleared_negatives": float(cleared[neg].mean()),
             "cleared_hard_negatives": float(cleared[neg & shard].mean()) if (neg & shard).any() else None,
             "cleared_other_negatives": float(cleared[neg & ~shard].mean()) if (neg & ~shard).any() else None,
             "cleared_positives": float(cleared[~neg].mean()), "per_label": {}}
        for k, lab in enumerate(LABELS):
            yk = sy[:, k]
            negk = yk == 0
            r_t = recall_at_fpr(st[yk == 1, k], st[negk, k], 0.01)
            r_c = recall_at_fpr(cascade[yk == 1, k], cascade[negk, k], 0.01)
            m["per_label"][lab] = {
                "student_auroc": label_auroc(yk, sp[:, k]),
                "teacher_recall_at_1pct_fpr": r_t, "cascade_recall_at_1pct_fpr": r_c,
                "escalated_positives": float(np.mean(~cleared[yk == 1])),
                "recall_at_flag_teacher": float(np.mean(st[yk == 1, k] >= thresholds[lab]["flag"])),
                "recall_at_flag_cascade": float(np.mean(cascade[yk == 1, k] >= thresholds[lab]["flag"])),
                "recall_at_block_teacher": float(np.mean(st[yk == 1, k] >= thresholds[lab]["block"])),
                "recall_at_block_cascade": float(np.mean(cascade[yk == 1, k] >= thresholds[lab]["block"])),
            }
        metrics[split] = m
        print(f"{split}: cleared {m['cleared_negatives']:.1%} of negatives ({(m['cleared_other_negatives'] or 0):.1%} "
              f"of the ones that are not hard negatives), "
              f"{(m['cleared_hard_negatives'] or 0):.1%} of hard negatives, {m['cleared_positives']:.2%} of positives; "
              + "; ".join(f"{l} recall@1%FPR teacher {v['teacher_recall_at_1pct_fpr']:.3f} cascade "
                          f"{v['cascade_recall_at_1pct_fpr']:.3f}" for l, v in m["per_label"].items()), flush=True)

    if not a.refit:
        export(model, out)
        _, ts, _, _, _ = splits["test"]
        sample = ts[:400]
        ort = ortcheck.run(out, sample, batch=1, threads=1, verbose=False)
        diff = float(np.abs(ort - predict(model, sample)).max())
        print(f"ONNX student parity on 400 test texts: max |diff| {diff:.2e}", flush=True)
        if diff > 2e-3:
            sys.exit(f"student export parity failed: {diff}")
        info = {
            "file": "student.onnx",
            "architecture": f"WordPiece ids -> embeddings {a.dim}d (PCA of MiniLM word embeddings, fine-tuned, fp16) -> "
                            f"2x Conv1d(k=3, {a.channels}, GELU) -> masked max+mean pooling -> linear -> sigmoid",
            "distillation": "target = max(gold label * 0.97, teacher probability)"
                            + (f"; plus {a.leet_copies} leetspeak cop{'y' if a.leet_copies == 1 else 'ies'} of every "
                               "positive train text with the original's target" if a.leet_copies else ""),
            "training": {"epochs": a.epochs, "batch_size": a.batch_size, "lr": a.lr, "seed": a.seed,
                         "seconds": round(train_s, 1),
                         "command": "python3 training/student.py " + " ".join(argv or sys.argv[1:])},
            "onnx_parity_max_abs_diff": diff,
        }
    else:
        info["refit_command"] = "python3 training/student.py " + " ".join(argv or sys.argv[1:])
    info.update({"clear_below": clear, "clear_below_times_flag": q, "max_recall_loss_val": a.max_recall_loss,
                 "max_flag_recall_loss_val": a.max_flag_recall_loss, "metrics": metrics})
    with open(os.path.join(common.WORK, "student.json"), "w") as f:
        json.dump(info, f, indent=2)
    print(f"wrote {out} ({os.path.getsize(out) / 1e6:.2f} MB) and student.json")


def train_student(a, splits):
    """Distil the teacher into a fresh student on the train split; returns the model and the seconds spent."""
    items, seqs, y, _, t = splits["train"]
    target = np.maximum(y * 0.97, t)
    if a.leet_copies:
        # The guard folds only unambiguous leetspeak, so digit-for-letter text reaches the screen half-folded;
        # a screen that never saw it clears it. Positives get leet copies with their originals' targets.
        rng = random.Random(a.seed)
        pos = [i for i in range(len(items)) if y[i].max() > 0]
        extra = [leet(rng, items[i]["text"]) for i in pos for _ in range(a.leet_copies)]
        seqs = seqs + common.encode_texts(extra)
        target = np.concatenate([target, np.repeat(target[pos], a.leet_copies, axis=0)])
        print(f"student: {len(extra)} leetspeak copies of {len(pos)} positive train texts", flush=True)
    target = torch.tensor(target, dtype=torch.float32)
    model = Student(pca_table(a.dim), a.channels)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    batches = [order[i:i + a.batch_size] for i in range(0, len(order), a.batch_size)]
    steps = a.epochs * len(batches)
    step = 0
    t0 = time.time()
    for ep in range(a.epochs):
        random.shuffle(batches)
        model.train()
        tot = 0.0
        for b in batches:
            lr = a.lr * min(1.0, (step + 1) / (0.05 * steps)) * 0.5 * (1 + math.cos(math.pi * step / steps))
            for g in opt.param_groups:
                g["lr"] = lr
            ids, mask = common.pad([seqs[i] for i in b])
            loss = F.binary_cross_entropy_with_logits(model(ids, mask), target[b])
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += loss.item()
            step += 1
        vi, vs, vy, _, vt = splits["val"]
        sp = predict(model, vs)
        auc = [label_auroc(vy[:, k], sp[:, k]) for k in range(len(LABELS))]
        print(f"epoch {ep + 1}/{a.epochs} loss {tot / len(batches):.4f} val AUROC "
              + " ".join(f"{x:.3f}" for x in auc) + f" ({time.time() - t0:.0f}s)", flush=True)
    return model, time.time() - t0


def calibrate(sv, vy, vt, thresholds, max_r1_loss, max_flag_loss, combine=None):
    """clear_below = q_l x each label's flag threshold, one multiple q_l in [0, 1.00] (steps of 0.02) per
    label, as large as validation allows: the cascade may lose at most `max_r1_loss` recall at 1% FPR and at
    most `max_flag_loss` recall at the flag threshold against the teacher alone, for every label. The multiples
    grow together from 0 while the constraints hold, then one step at a time, label after label (a label whose teacher scores run
    high on benign text, like self_preservation, would otherwise hold the others back). `combine` maps a score
    matrix to the scores the guard decides on (screen_refit.py: a document member's stack); both the cascade's
    and the teacher's scores go through it before recall is measured."""
    combine = combine or (lambda x: x)
    flag = np.array([thresholds[l]["flag"] for l in LABELS])
    full = combine(vt)
    base = [(recall_at_fpr(full[vy[:, k] == 1, k], full[vy[:, k] == 0, k], 0.01),
             np.mean(full[vy[:, k] == 1, k] >= flag[k])) for k in range(len(LABELS))]

    def ok(q):
        cleared = np.all(sv < q * flag, axis=1)
        cascade = combine(np.where(cleared[:, None], sv, vt))
        for k in range(len(LABELS)):
            y = vy[:, k]
            if recall_at_fpr(cascade[y == 1, k], cascade[y == 0, k], 0.01) < base[k][0] - max_r1_loss:
                return False
            if np.mean(cascade[y == 1, k] >= flag[k]) < base[k][1] - max_flag_loss:
                return False
        return True

    # a text is cleared only when every label is below its bar, so the multiples first grow together (one label
    # alone clears nothing and would grow unchecked), then one label at a time
    q = np.zeros(len(LABELS))
    while q[0] < 1.0 - 1e-9 and ok(np.round(q + 0.02, 2)):
        q = np.round(q + 0.02, 2)
    grown = q.any()
    while grown:
        grown = False
        for k in range(len(LABELS)):
            trial = q.copy()
            trial[k] = round(trial[k] + 0.02, 2)
            if trial[k] <= 1.0 + 1e-9 and ok(trial):
                q, grown = trial, True
    return ({l: float(q[k] * flag[k]) for k, l in enumerate(LABELS)},
            {l: round(float(q[k]), 2) for k, l in enumerate(LABELS)})


def teacher_thresholds(a):
    for path in (a.teacher_manifest, os.path.join(common.WORK, "metrics.json"),
                 os.path.join(BUNDLED, "alignguard-model.json")):
        if path and os.path.exists(path):
            with open(path) as f:
                d = json.load(f)
            if "thresholds" in d:
                print(f"teacher thresholds from {path}")
                return common.uncalibrated_thresholds(d)  # the teacher here is uncalibrated
    sys.exit("no teacher thresholds found")


def export(model, path):
    model.eval()
    ex = ExportStudent(model).eval()
    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102]], dtype=torch.long)
    mask = torch.ones_like(ids)
    torch.onnx.export(ex, (ids, mask), path, input_names=["input_ids", "attention_mask"],
                      output_names=["probabilities"], opset_version=14,
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                    "attention_mask": {0: "batch", 1: "sequence"},
                                    "probabilities": {0: "batch"}})


if __name__ == "__main__":
    main()
