#!/usr/bin/env python3
"""Weight averaging ("model soup", Wortsman et al. 2022) of fine-tuned guard checkpoints that start from the
same pretrained encoder: one model, the cost of one model, usually better on text from other writers than any
of its ingredients. Float tensors are averaged with the given weights; everything else must be equal.

  /usr/bin/python3 training/soup.py --out training/work/model-soup.pt training/work/model-r6.pt training/work/model-r7.pt
  /usr/bin/python3 training/soup.py --weights 0.7,0.3 --out ... a.pt b.pt
"""
import argparse

import torch


def soup(states, weights):
    """The weighted average of state dicts with identical keys and shapes."""
    keys = states[0].keys()
    for s in states[1:]:
        if s.keys() != keys:
            raise SystemExit("checkpoints differ in their parameters: not the same architecture")
    out = {}
    for k in keys:
        tensors = [s[k] for s in states]
        if tensors[0].is_floating_point():
            out[k] = sum(w * t.float() for w, t in zip(weights, tensors)).to(tensors[0].dtype)
        else:
            if any(not torch.equal(tensors[0], t) for t in tensors[1:]):
                raise SystemExit(f"non-float tensor {k} differs between checkpoints")
            out[k] = tensors[0]
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("checkpoints", nargs="+")
    p.add_argument("--weights", help="comma-separated, one per checkpoint (default: uniform)")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    n = len(a.checkpoints)
    weights = [float(w) for w in a.weights.split(",")] if a.weights else [1.0 / n] * n
    if len(weights) != n or abs(sum(weights) - 1.0) > 1e-6:
        raise SystemExit("--weights needs one weight per checkpoint, summing to 1")
    states = [torch.load(c, map_location="cpu") for c in a.checkpoints]
    torch.save(soup(states, weights), a.out)
    print(f"soup of {n} checkpoints (weights {weights}) -> {a.out}")


if __name__ == "__main__":
    main()
