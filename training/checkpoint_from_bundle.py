#!/usr/bin/env python3
"""Rebuilds a PyTorch checkpoint from a released bundle's int8 model.onnx, so that a later training stage can
start from the shipped model when the fp32 checkpoint it came from is gone (training/work is not kept between
machines; the bundle is committed).

The quantiser (quantize.py) keeps everything it needs: each weight matrix as 7-bit integers with one fp32 scale
per output channel, divided back by its SmoothQuant factors (`<input>_smooth_inv`); the word embeddings as int8
rows with one scale each; LayerNorm, biases, position embeddings, the token-type row (a constant) and the head in
fp32. The result is the release's fp32 model up to the weights' rounding (half a step of 1/63 of each channel's
largest weight). The Platt calibration (`calibration_a`, `calibration_b`) is not part of GuardModel and is left
out; calibrate.py fits it again after training. `rebuild_weights` is the model-independent part, also used by
malevolence_finetune.py --resume <corpus model.onnx> to train on from a released corpus model.

The vocabulary is the bundle's (pruned) one: run this and every later step with
ALIGNGUARD_ENCODER=e5-small ALIGNGUARD_TEXT_PREFIX=none ALIGNGUARD_TOKENIZER=<the bundle's tokenizer.json>.

usage: checkpoint_from_bundle.py [--bundle guard-model/src/main/resources/dev/alignguard/model] --out work/X.pt
       [--check]   compare the rebuilt model's calibrated probabilities with the bundle's parity.jsonl
--bundle also takes a stage's checkpoint folder (training/checkpoints/<name>: quantize.py's int8 model.onnx before
calibration, and the tokenizer.json it was trained on), so a release can resume on another machine after the
stages; --check needs a released bundle. Beside the checkpoint it writes the training record later steps read
(`<out>.json`, as train.py does): the bundle's sha256 under `from_bundle`, and a checkpoint folder's
`training.json` (train.py's record of the stage that made it) when there is one.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(HERE)
BUNDLE = os.path.join(ROOT, "guard-model/src/main/resources/dev/alignguard/model")

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import torch  # noqa: E402
from onnx import numpy_helper  # noqa: E402

import base_model  # noqa: E402
from bundle_screen import sha256  # noqa: E402
from quantize import onnx_to_module  # noqa: E402


def rebuild_weights(onnx_path, state_keys):
    """fp32 weights for a model whose state dict has `state_keys`, from an int8 ONNX export of it (quantize.py)."""
    return _weights(onnx.load(onnx_path).graph, state_keys, onnx_path)


def _weights(g, state_keys, onnx_path):
    """rebuild_weights on a loaded graph. The export's module paths may drop a level (the corpus model's layers
    trace as '/model/layers.0/...' while its state dict says 'encoder.layers.0....'), so each quantised matrix is
    matched to the one key ending in its module path. Every key must be filled and no key twice."""
    init = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    producer = {o: n for n in g.node for o in n.output}
    keys = set(state_keys)
    sd = {}
    for name, value in init.items():
        if name.startswith("model.") and name[len("model."):] in keys:
            sd[name[len("model."):]] = value.astype(np.float32)
    emb = "model.encoder.embeddings.word_embeddings.weight"
    sd["encoder.embeddings.word_embeddings.weight"] = (
            init[emb + "_quantized"].astype(np.float32) * init[emb + "_scale"].astype(np.float32))
    token_type = [n for n in g.node if n.name.endswith("/embeddings/Add_1")]
    if len(token_type) != 1:
        raise SystemExit("no single token-type constant (.../embeddings/Add_1) in " + onnx_path)
    row = init[token_type[0].input[1]].reshape(-1).astype(np.float32)
    sd["encoder.embeddings.token_type_embeddings.weight"] = np.stack([row, row])
    for n in g.node:
        if n.op_type != "MatMulInteger":
            continue
        base = n.name[:-len("/MatMulInteger")]
        w = init[base + "/W_quantized"].astype(np.float32) * init[base + "/W_scale"].astype(np.float32)[None, :]
        quantizer = producer[n.input[0]]  # DynamicQuantizeLinear of the (smoothed) activation
        smoothed = producer.get(quantizer.input[0])
        if smoothed is not None and smoothed.op_type == "Mul" and smoothed.input[1].endswith("_smooth_inv"):
            w = w * init[smoothed.input[1]].astype(np.float32)[:, None]  # W was stored as W * s; inv = 1 / s
        module = onnx_to_module(base) + ".weight"
        match = [k for k in keys if k == module or k.endswith("." + module)]
        if len(match) != 1 or match[0] in sd:
            raise SystemExit(f"{onnx_path}: {base} matches {match or 'no'} parameter(s) of the model")
        sd[match[0]] = np.ascontiguousarray(w.T)  # nn.Linear layout [out, in]
    missing = keys - set(sd)
    if missing:
        raise SystemExit(f"{onnx_path}: no weights for {sorted(missing)[:5]} ({len(missing)} parameters)")
    return {k: torch.from_numpy(np.array(v)) for k, v in sd.items()}


def rebuild(onnx_path, state_keys):
    """(GuardModel state dict for `state_keys`, (calibration_a, calibration_b)) from a bundle's int8 ONNX model; the
    calibration is None for quantize.py's output before calibrate.py (a stage's checkpoint, training/checkpoints)."""
    g = onnx.load(onnx_path).graph
    calibration = {i.name: numpy_helper.to_array(i).astype(np.float32) for i in g.initializer
                   if i.name in ("calibration_a", "calibration_b")}
    pair = (calibration["calibration_a"], calibration["calibration_b"]) if len(calibration) == 2 else None
    return _weights(g, state_keys, onnx_path), pair


def _vocab(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["model"]["vocab"]


def training_record(bundle):
    """What the rebuilt checkpoint's `.json` says of its training: the model file it came from, plus the stage's own
    record when the folder keeps one (evaluate.py copies `best` and `history` from it into the release's metrics)."""
    record = {"from_bundle": sha256(os.path.join(bundle, "model.onnx"))}
    stage = os.path.join(bundle, "training.json")
    if os.path.exists(stage):
        with open(stage, encoding="utf-8") as f:
            record = {**json.load(f), **record}
    return record


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bundle", default=BUNDLE)
    p.add_argument("--out", required=True)
    p.add_argument("--check", action="store_true")
    a = p.parse_args(argv)
    tokenizer = os.path.join(a.bundle, "tokenizer.json")
    if _vocab(base_model.TOKENIZER_PATH) != _vocab(tokenizer):
        raise SystemExit("set ALIGNGUARD_TOKENIZER to " + tokenizer + " or a copy of it (and ALIGNGUARD_ENCODER="
                         "e5-small, ALIGNGUARD_TEXT_PREFIX=none) so the model is built on the bundle's vocabulary")
    model = base_model.GuardModel()
    sd, calibration = rebuild(os.path.join(a.bundle, "model.onnx"), model.state_dict().keys())
    if a.check and (calibration is None or not os.path.exists(os.path.join(a.bundle, "parity.jsonl"))):
        raise SystemExit(f"--check compares with a released bundle's parity.jsonl and calibration; {a.bundle} "
                         "has no calibration or no parity.jsonl (a stage's checkpoint): leave --check out")
    model.load_state_dict(sd)  # strict: every parameter present, none left over
    torch.save(model.state_dict(), a.out)
    with open(os.path.splitext(a.out)[0] + ".json", "w", encoding="utf-8") as f:
        json.dump(training_record(a.bundle), f, indent=2)
    print(f"rebuilt {len(sd)} tensors from {a.bundle}/model.onnx -> {a.out}")
    if a.check:
        ca, cb = calibration
        import common
        rows = [json.loads(l) for l in open(os.path.join(a.bundle, "parity.jsonl"), encoding="utf-8") if l.strip()]
        rows = [r for r in rows if len(r["ids"]) <= common.MAX_LENGTH]
        model.eval()
        diffs_fp32, diffs_int8 = [], []
        with torch.no_grad():
            for r in rows:
                ids = torch.tensor([r["ids"]])
                logits = model(ids, torch.ones_like(ids)).numpy()[0]
                prob = 1 / (1 + np.exp(-(logits * ca + cb)))
                diffs_fp32.append(np.abs(prob - np.array(r["probabilities"])).max())
                diffs_int8.append(np.abs(prob - np.array(r["int8_probabilities"])).max())
        print(f"{len(rows)} parity texts: rebuilt vs release PyTorch max |diff| {max(diffs_fp32):.4f} "
              f"(mean {np.mean(diffs_fp32):.4f}); vs release int8 {max(diffs_int8):.4f} (mean {np.mean(diffs_int8):.4f})")


if __name__ == "__main__":
    main()
