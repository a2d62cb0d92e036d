#!/usr/bin/env python3
"""Fine-tunes MiniLM-L6 (mapped from the ONNX file by base_model.py) + mean pooling + linear head (3 logits)
with BCEWithLogits on the AlignGuard corpus (texts from texts.py).

CPU-friendly: dynamic padding, length-sorted pools of batches, max_length 128, embeddings frozen (optionally
the lowest --freeze-layers transformer layers too, which also skips their backward pass), AdamW with linear
warmup/decay. A wall-clock budget (--time-budget-min) shrinks the planned number of steps after the first
steps have been timed so that training + per-epoch validation fits; --time-budget-min 0 turns it off, so the
run length (--epochs, --max-steps) and the model do not depend on the machine's speed (the release recipe,
RELEASE_TRAIN_ARGS in run_all.sh). The epoch (or final partial epoch) with the best val macro AUROC (record
level: max over a tool call's payload and rationale) is saved to training/work/model.pt (+ model.json with the
training log). --run-state makes a fixed-step run resumable across sittings (a 2-core machine needs about 3.5 h
for one epoch of e5-small): killed and started again with the same arguments, it ends with the weights an
unbroken run would have.
"""
import argparse
import json
import math
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402  (sets thread env before numpy/torch import)
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

from base_model import new_guard_model  # noqa: E402
from metrics import label_auroc, macro_auroc  # noqa: E402
from texts import LABELS, items_from_records, load_jsonl  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    p.add_argument("--out", default=os.path.join(common.WORK, "model.pt"))
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--max-steps", type=int, default=0, help="hard cap on optimizer steps (0 = none)")
    p.add_argument("--time-budget-min", type=float, default=25.0,
                   help="wall-clock budget for training incl. val evals; 0 = none (a fixed step count)")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--head-lr", type=float, default=5e-4)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--warmup", type=float, default=0.06, help="warmup fraction of planned steps")
    p.add_argument("--max-length", type=int, default=common.MAX_LENGTH)
    p.add_argument("--freeze-layers", type=int, default=1, help="freeze embeddings + this many lowest layers")
    p.add_argument("--pos-weight", choices=["auto", "none"], default="auto",
                   help="auto: BCE pos_weight = sqrt(neg/pos) clamped to [1,4] per label")
    p.add_argument("--label-smoothing", type=float, default=0.05,
                   help="targets become eps/2 and 1-eps/2: bounded logits calibrate better and survive int8")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--init", help="start from this checkpoint (state dict) instead of the pretrained encoder: "
                                  "continued training with a fresh schedule and batch order")
    p.add_argument("--train-rows-from", type=first_new_row, metavar="ID|REPORT",
                   help="train the word-embedding rows from this token id on (tokens extend_vocab.py added, which "
                        "start as copies of [UNK]; or the path of its --report, which names the id); every other "
                        "embedding stays frozen")
    p.add_argument("--new-rows-lr", type=float, default=2e-3,
                   help="peak learning rate of those rows (they start far from where they belong)")
    p.add_argument("--log-every", type=int, default=20)
    p.add_argument("--eval-batch", type=int, default=64)
    p.add_argument("--run-state", help="save the whole run (weights, optimiser, schedule, batch order, RNGs) to this "
                                       "file every --save-every steps and after each epoch, and resume from it when "
                                       "it exists, so a run longer than one sitting ends as if never stopped; "
                                       "removed when the run ends. Needs --time-budget-min 0")
    p.add_argument("--save-every", type=int, default=100, help="steps between run-state saves")
    a = p.parse_args(argv)
    if a.time_budget_min < 0 or a.max_steps < 0 or a.epochs < 1:
        p.error("--time-budget-min and --max-steps must be >= 0 (0 = none) and --epochs >= 1")
    if a.run_state and a.time_budget_min:
        p.error("--run-state needs --time-budget-min 0: a resumed run must not depend on the machine's speed")
    if a.save_every < 1:
        p.error("--save-every must be >= 1")
    return a


# Arguments that may change between the sittings of one run (they do not change what it computes).
RESUMABLE_ARGS = {"run_state", "save_every", "log_every", "eval_batch"}


def run_identity(a):
    """The arguments that define a run: a run state saved under other values is refused."""
    return {k: v for k, v in sorted(vars(a).items()) if k not in RESUMABLE_ARGS}


def save_run_state(path, a, model, opt, progress):
    """Writes the run state atomically (a sitting killed mid-write leaves the previous state)."""
    state = dict(progress, args=run_identity(a), model=model.state_dict(), opt=opt.state_dict(),
                 torch_rng=torch.get_rng_state())
    torch.save(state, path + ".tmp")
    os.replace(path + ".tmp", path)


def load_run_state(path, a):
    state = torch.load(path, map_location="cpu", weights_only=False)
    if state["args"] != run_identity(a):
        diff = sorted(k for k in set(state["args"]) | set(run_identity(a))
                      if state["args"].get(k) != run_identity(a).get(k))
        raise SystemExit(f"{path} was saved by a run with other arguments ({', '.join(diff)}); "
                         f"remove it to start afresh")
    return state


def make_batches(lengths, batch_size, rng, pool_mult=50):
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    batches = []
    pool = batch_size * pool_mult
    for s in range(0, len(idx), pool):
        chunk = sorted(idx[s:s + pool], key=lambda i: lengths[i])
        batches.extend(chunk[b:b + batch_size] for b in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches




def evaluate_val(model, val_items, val_seqs, val_records, batch_size):
    probs = common.predict_ids(model, val_seqs, batch_size)
    y_items = np.array([it["labels"] for it in val_items])
    rec = common.record_scores(val_items, probs, len(val_records))
    from texts import labels_of
    y_rec = np.array([labels_of(r) for r in val_records])
    per = {l: label_auroc(y_rec[:, k], rec[:, k]) for k, l in enumerate(LABELS)}
    eps = 1e-7
    p = np.clip(probs, eps, 1 - eps)
    bce = float(-(y_items * np.log(p) + (1 - y_items) * np.log(1 - p)).mean())
    return {"macro_auroc": macro_auroc(y_rec, rec), "auroc": per,
            "item_macro_auroc": macro_auroc(y_items, probs), "bce": bce}


def new_rows_trainable(model, first):
    """The word-embedding table with only rows >= first learning: the other rows' gradients are zeroed, and with no
    weight decay AdamW leaves a row whose gradient was always zero exactly as it was."""
    w = model.encoder.embeddings.word_embeddings.weight
    if not 0 < first < w.shape[0]:
        raise SystemExit(f"--train-rows-from {first}: the table has {w.shape[0]} rows")
    w.requires_grad_(True)
    keep = torch.zeros(w.shape[0], 1)
    keep[first:] = 1.0
    w.register_hook(lambda g: g * keep)
    return w


def first_new_row(value):
    """A token id, or the first_new_row of an extend_vocab.py --report file."""
    if value.isdigit():
        return int(value)
    with open(value, encoding="utf-8") as f:
        return int(json.load(f)["first_new_row"])


def main(argv=None):
    a = parse_args(argv)
    t_start = time.time()
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    torch.use_deterministic_algorithms(True, warn_only=True)
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}",
          flush=True)

    train_recs = load_jsonl(os.path.join(a.corpus_dir, "train.jsonl"))
    val_recs = load_jsonl(os.path.join(a.corpus_dir, "val.jsonl"))
    train_items = items_from_records(train_recs)
    val_items = items_from_records(val_recs)
    t0 = time.time()
    train_seqs = common.encode_texts([it["text"] for it in train_items], a.max_length)
    val_seqs = common.encode_texts([it["text"] for it in val_items], a.max_length)
    y = torch.tensor([it["labels"] for it in train_items], dtype=torch.float32)
    lengths = [len(s) for s in train_seqs]
    print(f"records train={len(train_recs)} val={len(val_recs)}; texts train={len(train_items)} val={len(val_items)}; "
          f"tokenised in {time.time() - t0:.1f}s; mean len {np.mean(lengths):.1f}, "
          f"truncated {sum(l >= a.max_length for l in lengths)}", flush=True)
    pos = y.sum(0)
    neg = len(y) - pos
    print("train positives per label: " + ", ".join(f"{l}={int(pos[k])}" for k, l in enumerate(LABELS)), flush=True)
    if a.pos_weight == "auto":
        pw = torch.sqrt(neg / pos.clamp(min=1)).clamp(1.0, 4.0)
    else:
        pw = torch.ones(len(LABELS))
    print("pos_weight: " + ", ".join(f"{w:.2f}" for w in pw.tolist()), flush=True)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pw)

    model = new_guard_model(a.seed)
    if a.init:
        model.load_state_dict(torch.load(a.init, map_location="cpu"))
        print(f"initialised from {a.init}", flush=True)
    for p in model.encoder.embeddings.parameters():
        p.requires_grad_(False)
    for layer in model.encoder.layers[:a.freeze_layers]:
        for p in layer.parameters():
            p.requires_grad_(False)
    enc_params = [p for n, p in model.encoder.named_parameters() if p.requires_grad]
    decay = [p for p in enc_params if p.dim() > 1]
    no_decay = [p for p in enc_params if p.dim() <= 1]
    groups = [
        {"params": decay, "lr": a.lr, "weight_decay": a.weight_decay, "base_lr": a.lr},
        {"params": no_decay, "lr": a.lr, "weight_decay": 0.0, "base_lr": a.lr},
        {"params": list(model.head.parameters()), "lr": a.head_lr, "weight_decay": 0.0, "base_lr": a.head_lr},
    ]
    if a.train_rows_from is not None:
        groups.append({"params": [new_rows_trainable(model, a.train_rows_from)], "lr": a.new_rows_lr,
                       "weight_decay": 0.0, "base_lr": a.new_rows_lr})
    opt = torch.optim.AdamW(groups)
    n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print(f"trainable params {n_train / 1e6:.2f}M (frozen: embeddings + {a.freeze_layers} layer(s))", flush=True)

    rng = random.Random(a.seed)
    steps_per_epoch = math.ceil(len(train_items) / a.batch_size)
    planned = a.epochs * steps_per_epoch
    if a.max_steps:
        planned = min(planned, a.max_steps)
    full_plan = planned
    budget_s = a.time_budget_min * 60.0
    print(f"steps/epoch {steps_per_epoch}, planned {planned}, "
          + (f"budget {budget_s / 60:.1f} min" if budget_s else "no time budget (fixed step count)"), flush=True)

    def lr_factor(step):
        warm = max(1, int(a.warmup * planned))
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (planned - step) / max(1, planned - warm))

    model.train()
    step, best, history = 0, None, []
    first_epoch, skip = 1, 0
    if a.run_state and os.path.exists(a.run_state):
        st = load_run_state(a.run_state, a)
        model.load_state_dict(st["model"])
        opt.load_state_dict(st["opt"])
        torch.set_rng_state(st["torch_rng"])
        rng.setstate(st["rng_epoch"])
        step, planned, best, history = st["step"], st["planned"], st["best"], st["history"]
        first_epoch, skip = st["epoch"], st["batches_done"]
        print(f"resumed {a.run_state}: epoch {first_epoch}, step {step}/{planned}", flush=True)

    def progress(epoch, batches_done, rng_epoch):
        return {"epoch": epoch, "batches_done": batches_done, "rng_epoch": rng_epoch, "step": step,
                "planned": planned, "best": best, "history": history}

    t_train = time.time()
    step_times = []
    eval_time_est = None
    eval_measured = False
    for epoch in range(first_epoch, a.epochs + 1):
        rng_epoch = rng.getstate()
        batches = make_batches(lengths, a.batch_size, rng)
        run_loss, run_n = 0.0, 0
        for bi, b in enumerate(batches):
            if bi < skip:
                continue
            if step >= planned:
                break
            ts = time.time()
            f = lr_factor(step)
            for g in opt.param_groups:
                g["lr"] = g["base_lr"] * f
            ids, mask = common.pad([train_seqs[i] for i in b])
            logits = model(ids, mask)
            target = y[b] * (1.0 - a.label_smoothing) + a.label_smoothing / 2.0
            loss = loss_fn(logits, target)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
            opt.step()
            step += 1
            dt = time.time() - ts
            step_times.append((dt, ids.shape[1]))
            run_loss += float(loss) * len(b)
            run_n += len(b)
            if a.run_state and step % a.save_every == 0:
                save_run_state(a.run_state, a, model, opt, progress(epoch, bi + 1, rng_epoch))
            if budget_s and (step == 30 or (step > 30 and step % 100 == 0)):
                # re-plan to fit the time budget: remaining steps at the measured pace + remaining evals
                pace = float(np.mean([t for t, _ in step_times[1:]][-200:]))  # recent pace
                if not eval_measured:  # an estimate follows the pace until a real evaluation has been timed
                    eval_time_est = pace * 0.35 * len(val_items) / a.batch_size
                # one evaluation per epoch end still inside the plan, and one at the last step
                evals_left = min(a.epochs - epoch + 1, 1 + max(0, planned - step) // steps_per_epoch)
                left = budget_s - (time.time() - t_train) - evals_left * eval_time_est
                can = max(step + 1, min(full_plan, step + max(0, int(left / pace))))
                if can != planned:  # shrinks under a slow pace, grows back (up to the full plan) when it recovers
                    print(f"  time budget: pace {pace:.2f}s/step, eval ~{eval_time_est:.0f}s -> planned {planned} -> {can}",
                          flush=True)
                    planned = can
            if step % a.log_every == 0:
                recent = step_times[-a.log_every:]
                el = time.time() - t_train
                pace = float(np.mean([t for t, _ in step_times[1:]])) if len(step_times) > 1 else dt
                print(f"ep {epoch} step {step}/{planned} loss {run_loss / max(1, run_n):.4f} lr {opt.param_groups[0]['lr']:.2e} "
                      f"{np.mean([t for t, _ in recent]):.2f}s/step (pad len {np.mean([s for _, s in recent]):.0f}) "
                      f"elapsed {el / 60:.1f}m eta {(planned - step) * pace / 60:.1f}m", flush=True)
                run_loss, run_n = 0.0, 0
        skip = 0
        last = step >= planned or epoch == a.epochs
        te = time.time()
        v = evaluate_val(model, val_items, val_seqs, val_recs, a.eval_batch)
        eval_time_est = time.time() - te
        eval_measured = True
        v.update(epoch=epoch, step=step, elapsed_min=(time.time() - t_train) / 60, eval_s=eval_time_est)
        history.append(v)
        print(f"== epoch {epoch} step {step}: val macro AUROC {v['macro_auroc']:.4f} "
              f"({', '.join(f'{l}={x:.4f}' if x is not None else f'{l}=n/a' for l, x in v['auroc'].items())}) "
              f"item-level {v['item_macro_auroc']:.4f} bce {v['bce']:.4f} eval {eval_time_est:.0f}s", flush=True)
        if best is None or v["macro_auroc"] > best["macro_auroc"]:
            best = v
            os.makedirs(os.path.dirname(a.out), exist_ok=True)
            torch.save(model.state_dict(), a.out + ".tmp")
            os.replace(a.out + ".tmp", a.out)
            print(f"   saved {a.out}", flush=True)
        if last:
            break
        if a.run_state:
            save_run_state(a.run_state, a, model, opt, progress(epoch + 1, 0, rng.getstate()))
    if a.run_state and os.path.exists(a.run_state):
        os.remove(a.run_state)
    total = time.time() - t_start
    pace = [t for t, _ in step_times[1:]] or [0.0]
    meta = {"best": best, "history": history, "args": vars(a), "steps": step, "steps_per_epoch": steps_per_epoch,
            "train_texts": len(train_items), "val_texts": len(val_items), "pos_weight": pw.tolist(),
            "mean_step_s": float(np.mean(pace)), "median_step_s": float(np.median(pace)),
            "mean_padded_len": float(np.mean([s for _, s in step_times])) if step_times else 0.0,
            "train_wall_min": (time.time() - t_train) / 60, "total_wall_min": total / 60,
            "torch": torch.__version__, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    with open(os.path.splitext(a.out)[0] + ".json", "w") as f:
        json.dump(meta, f, indent=2)
    print(f"done: {step} steps, mean {meta['mean_step_s']:.2f}s/step, best epoch {best['epoch']} "
          f"(val macro AUROC {best['macro_auroc']:.4f}), total {total / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
