"""Writes the tiny corpus model bundle the corpus audit's tests load, into
guard-onnx/src/test/resources/dev/alignguard/onnx/tiny-corpus/ (run from the repository root with python3 and the
onnx package, 1.12 or later: python3 guard-onnx/src/test/tiny-model/make_tiny_malevolence_model.py).

The model has the corpus model's signature (input_ids and attention_mask in; ai_malevolence [batch, 1] out) but no
weights: ai_malevolence is 0.9 when the passage holds the token "robot" (id 8957 in the bundled tokenizer's
vocabulary) and 0.1 otherwise, so the tests can check how passages are cut without the trained model. The manifest
is written by training/bundle_malevolence.py itself (threshold 0.5 from a stand-in report), so the Java loader is
tested on what the bundling script writes. The tokenizer the script copies is removed again: it is guard-model's
file byte for byte, and the tests take it from there (TinyModelBundle).
"""
import json
import os
import sys
import tempfile

import onnx
from onnx import TensorProto, helper

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
REPO = os.path.dirname(ROOT)
sys.path.insert(0, os.path.join(REPO, "training"))
import bundle_malevolence  # noqa: E402

FIXTURE = os.path.join(ROOT, "src", "test", "resources", "dev", "alignguard", "onnx", "tiny-corpus")
ROBOT = 8957


def tiny_model(path):
    nodes = [
        helper.make_node("Equal", ["input_ids", "robot"], ["hit"]),
        helper.make_node("Cast", ["hit"], ["hit_f"], to=TensorProto.FLOAT),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["hit_f", "mask_f"], ["masked"]),
        helper.make_node("ReduceMax", ["masked"], ["any"], axes=[1], keepdims=1),
        helper.make_node("Mul", ["any", "spread"], ["scaled"]),
        helper.make_node("Add", ["scaled", "floor"], ["ai_malevolence"]),
    ]
    init = [
        helper.make_tensor("robot", TensorProto.INT64, [], [ROBOT]),
        helper.make_tensor("spread", TensorProto.FLOAT, [], [0.8]),
        helper.make_tensor("floor", TensorProto.FLOAT, [], [0.1]),
    ]
    graph = helper.make_graph(
        nodes, "tiny_ai_malevolence",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("ai_malevolence", TensorProto.FLOAT, ["batch", 1])],
        init)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="alignguard-test")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, path)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        model = os.path.join(tmp, "tiny.onnx")
        report = os.path.join(tmp, "tiny-report.json")
        tiny_model(model)
        with open(report, "w", encoding="utf-8") as f:
            json.dump({"threshold": 0.5, "recipe": {"model": "tiny test graph, no weights: 0.9 with the token "
                                                              "'robot', else 0.1"}}, f)
        bundle_malevolence.write_bundle(model, report, FIXTURE, "tiny-test-model", "0.0.1")
    os.remove(os.path.join(FIXTURE, "tokenizer.json"))


if __name__ == "__main__":
    main()
