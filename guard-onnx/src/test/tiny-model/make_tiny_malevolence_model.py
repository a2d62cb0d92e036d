"""Writes the tiny ONNX model OnnxPassageScorerTest loads (run with python3 and the onnx package, 1.12 or later).

It has the bundle's signature (input_ids and attention_mask in; probabilities [batch, 3] and ai_malevolence
[batch, 1] out) but no weights: ai_malevolence is 0.9 when the passage holds the token "robot" (id 8957 in the
bundled tokenizer's vocabulary) and 0.1 otherwise; probabilities are all 0. So the test can check which output
the scorer reads and how passages are cut without the trained model.
"""
import sys

import onnx
from onnx import TensorProto, helper

ROBOT = 8957


def main(path):
    nodes = [
        helper.make_node("Equal", ["input_ids", "robot"], ["hit"]),
        helper.make_node("Cast", ["hit"], ["hit_f"], to=TensorProto.FLOAT),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["hit_f", "mask_f"], ["masked"]),
        helper.make_node("ReduceMax", ["masked"], ["any"], axes=[1], keepdims=1),
        helper.make_node("Mul", ["any", "spread"], ["scaled"]),
        helper.make_node("Add", ["scaled", "floor"], ["ai_malevolence"]),
        helper.make_node("Mul", ["any", "zeros"], ["probabilities"]),
    ]
    init = [
        helper.make_tensor("robot", TensorProto.INT64, [], [ROBOT]),
        helper.make_tensor("spread", TensorProto.FLOAT, [], [0.8]),
        helper.make_tensor("floor", TensorProto.FLOAT, [], [0.1]),
        helper.make_tensor("zeros", TensorProto.FLOAT, [1, 3], [0.0, 0.0, 0.0]),
    ]
    graph = helper.make_graph(
        nodes, "tiny_ai_malevolence",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 3]),
         helper.make_tensor_value_info("ai_malevolence", TensorProto.FLOAT, ["batch", 1])],
        init)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="alignguard-test")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, path)


if __name__ == "__main__":
    main(sys.argv[1])
