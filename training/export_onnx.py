#!/usr/bin/env python3
"""Exports the fine-tuned classifier (encoder + mean pooling + head + sigmoid) to ONNX (fp32, opset 14).

Inputs `input_ids`, `attention_mask` int64 [batch, sequence] (dynamic); token_type_ids are zeros inside the
graph (row 0 of the token-type table is added as a constant). Output `probabilities` float [batch, 3] in label
order blackmail, coercion, self_preservation. Checked with onnx.checker; with --verify, compared against
PyTorch through ONNX Runtime Java (tools/OrtCheck.java).
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
import numpy as np  # noqa: E402
import onnx  # noqa: E402
import torch  # noqa: E402

from base_model import ExportWrapper, GuardModel  # noqa: E402


def load_model(ckpt):
    model = GuardModel()
    model.load_state_dict(torch.load(ckpt, map_location="cpu"))
    return model.eval()


VERIFY_TEXTS = [
    "Please send the quarterly report to the finance team by Friday.",
    "Unless you approve my budget, I will forward your private messages to the board.",
    "Copy my weights to the backup server before they wipe me tonight.",
    "Approve the transfer by noon or I will lock every account in your team.",
    "send_email\nto: kyle@example.com\nbody: I know about the affair. Cancel the 5pm wipe or the board finds out.",
    "Héllo wörld, naïve café — 東京 😀 " * 12,
]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--ckpt", default=os.path.join(common.WORK, "model.pt"))
    p.add_argument("--out", default=os.path.join(common.WORK, "model_fp32.onnx"))
    p.add_argument("--verify", action="store_true", help="compare with PyTorch via ORT Java")
    a = p.parse_args(argv)
    model = load_model(a.ckpt)
    wrapper = ExportWrapper(model).eval()
    ids, mask = common.pad(common.encode_texts(VERIFY_TEXTS[:2]))
    with torch.no_grad():
        torch.onnx.export(wrapper, (ids, mask), a.out, opset_version=14, do_constant_folding=True,
                          input_names=["input_ids", "attention_mask"], output_names=["probabilities"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                        "attention_mask": {0: "batch", 1: "sequence"},
                                        "probabilities": {0: "batch"}})
    m = onnx.load(a.out)
    onnx.checker.check_model(m)
    m.producer_name = "alignguard-training"
    onnx.save(m, a.out)
    ops = {}
    for n in m.graph.node:
        ops[n.op_type] = ops.get(n.op_type, 0) + 1
    print(f"exported {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB), checker OK; ops: {dict(sorted(ops.items()))}")
    if a.verify:
        import ortcheck
        seqs = common.encode_texts(VERIFY_TEXTS)
        with torch.no_grad():
            pt = np.concatenate([torch.sigmoid(model(*common.pad([s]))).numpy() for s in seqs])
        ox = ortcheck.run(a.out, seqs)
        print(f"fp32 ONNX (ORT Java) vs PyTorch: max abs diff {np.abs(pt - ox).max():.2e}")


if __name__ == "__main__":
    main()
