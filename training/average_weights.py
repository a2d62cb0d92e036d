#!/usr/bin/env python3
"""Averages the weights of checkpoints of one lineage (a model and its continuation): a "model soup".
Candidate e5bc is the average of e5b (model 0.7.0 before its vocabulary cut) and e5c (e5b continued 800 steps on
writers w01-w94): it ranks held-out writers' text at least as well as either (training/reports/candidates.md).
Float tensors are averaged with equal weights; others are taken from the last checkpoint. The metadata
(<out>.json) is the last checkpoint's, with `averaged_from` listing every input's training arguments, so
evaluate.py records what the bundle was made of.

  /usr/bin/python3 training/average_weights.py --out training/work/model.pt A.pt B.pt
"""
import argparse
import json
import os

import torch


def average(state_dicts):
    """Equal-weight mean of float tensors (in float32) over state dicts with the same keys and shapes."""
    keys = set(state_dicts[0])
    for sd in state_dicts[1:]:
        if set(sd) != keys:
            raise ValueError(f"checkpoints differ in their tensors: {sorted(keys ^ set(sd))[:5]}")
    out = {}
    for k in state_dicts[0]:
        tensors = [sd[k] for sd in state_dicts]
        if any(t.shape != tensors[0].shape for t in tensors):
            raise ValueError(f"{k}: shapes differ: {[tuple(t.shape) for t in tensors]}")
        out[k] = (sum(t.float() for t in tensors) / len(tensors)) if tensors[0].is_floating_point() else tensors[-1]
    return out


def meta_path(ckpt):
    return os.path.splitext(ckpt)[0] + ".json"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True)
    p.add_argument("ckpts", nargs="+")
    a = p.parse_args(argv)
    if len(a.ckpts) < 2:
        p.error("give at least two checkpoints")
    torch.save(average([torch.load(c, map_location="cpu") for c in a.ckpts]), a.out)
    metas = [json.load(open(meta_path(c))) if os.path.exists(meta_path(c)) else {} for c in a.ckpts]
    meta = dict(metas[-1])
    meta["averaged_from"] = [{"checkpoint": os.path.basename(c), "args": m.get("args"), "steps": m.get("steps")}
                             for c, m in zip(a.ckpts, metas)]
    with open(meta_path(a.out), "w") as f:
        json.dump(meta, f, indent=2)
    print(f"wrote {a.out} (mean of {len(a.ckpts)} checkpoints)")


if __name__ == "__main__":
    main()
