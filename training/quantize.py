#!/usr/bin/env python3
"""Hand-written dynamic int8 quantiser (onnx + numpy only; Python onnxruntime is not available here).

1. Every MatMul whose second input is a constant 2-D weight W [K,N] becomes the pattern ORT's
   `quantize_dynamic` emits (and ORT fuses at load into DynamicQuantizeMatMul / MatMulIntegerToFloat):
       x -> DynamicQuantizeLinear -> (x_q uint8, x_scale, x_zp)          (one per distinct input tensor)
       MatMulInteger(x_q, W_q int8 [K,N], x_zp, w_zp int8 [N] = 0) -> Cast(float) -> Mul(., x_scale * w_scale[N])
   Weights are symmetric per output channel. By default (`--reduce-range`, on) they use 7 bits ([-63, 63]),
   as ORT recommends for u8s8 on CPUs without VNNI, where the AVX2 VPMADDUBSW kernel could saturate with
   full 8-bit weights; --full-range uses [-127, 127].
2. The word-embedding table [30522,384] is stored as int8 with one fp32 scale per row (symmetric). The
   Gather then reads int8 rows and dequantises only the gathered rows:
       Gather(E_q int8, input_ids) -> Cast(float) -> Mul(., Gather(scale[V,1], input_ids))
   (DequantizeLinear on the whole table before the Gather would dequantise 11.7M values per call unless
   the runtime constant-folds it; per-row dequantisation after the Gather avoids depending on that.)
The attention MatMuls (activation x activation), LayerNorm, the position embeddings and the 384x3 head
stay fp32.
"""
import argparse
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")


def quantize(model, reduce_range=True, embeddings=True):
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    qmax = 63.0 if reduce_range else 127.0
    new_nodes, new_inits, drop = [], [], set()
    dq_cache = {}
    n_mm = 0
    uses = {}
    for n in g.node:
        for i in n.input:
            uses[i] = uses.get(i, 0) + 1
    for n in g.node:
        if (n.op_type == "MatMul" and n.input[1] in inits and len(inits[n.input[1]].dims) == 2
                and inits[n.input[1]].data_type == TensorProto.FLOAT):
            w = numpy_helper.to_array(inits[n.input[1]]).astype(np.float32)
            amax = np.abs(w).max(axis=0)
            scale = np.where(amax > 0, amax / qmax, 1.0).astype(np.float32)
            wq = np.clip(np.round(w / scale), -qmax, qmax).astype(np.int8)
            base = n.name or n.output[0]
            wq_name, ws_name, wz_name = base + "/W_quantized", base + "/W_scale", base + "/W_zero_point"
            new_inits += [numpy_helper.from_array(wq, wq_name), numpy_helper.from_array(scale, ws_name),
                          numpy_helper.from_array(np.zeros(w.shape[1], dtype=np.int8), wz_name)]
            uses[n.input[1]] -= 1
            if uses[n.input[1]] == 0:
                drop.add(n.input[1])
            x = n.input[0]
            if x not in dq_cache:
                xb = x.replace(":", "_")
                dq_cache[x] = (xb + "_quantized", xb + "_scale", xb + "_zero_point")
                new_nodes.append(helper.make_node("DynamicQuantizeLinear", [x], list(dq_cache[x]),
                                                  name=xb + "_DynamicQuantizeLinear"))
            xq, xs, xz = dq_cache[x]
            mi = base + "/MatMulInteger_output"
            new_nodes.append(helper.make_node("MatMulInteger", [xq, wq_name, xz, wz_name], [mi],
                                              name=base + "/MatMulInteger"))
            cf = base + "/cast_output"
            new_nodes.append(helper.make_node("Cast", [mi], [cf], to=TensorProto.FLOAT, name=base + "/Cast"))
            sc = base + "/scales_mul_output"
            new_nodes.append(helper.make_node("Mul", [xs, ws_name], [sc], name=base + "/scales_mul"))
            new_nodes.append(helper.make_node("Mul", [cf, sc], [n.output[0]], name=base + "/output_scale_mul"))
            n_mm += 1
        elif (embeddings and n.op_type == "Gather" and n.input[0] in inits
              and n.input[0].endswith("word_embeddings.weight")):
            e = numpy_helper.to_array(inits[n.input[0]]).astype(np.float32)
            amax = np.abs(e).max(axis=1, keepdims=True)
            scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
            eq = np.clip(np.round(e / scale), -127, 127).astype(np.int8)
            base = n.name or n.output[0]
            eq_name, es_name = n.input[0] + "_quantized", n.input[0] + "_scale"
            new_inits += [numpy_helper.from_array(eq, eq_name), numpy_helper.from_array(scale, es_name)]
            drop.add(n.input[0])
            gi, gs, gf = base + "/gather_int8", base + "/gather_scale", base + "/gather_float"
            new_nodes.append(helper.make_node("Gather", [eq_name, n.input[1]], [gi], name=base + "/GatherInt8", axis=0))
            new_nodes.append(helper.make_node("Gather", [es_name, n.input[1]], [gs], name=base + "/GatherScale", axis=0))
            new_nodes.append(helper.make_node("Cast", [gi], [gf], to=TensorProto.FLOAT, name=base + "/CastRows"))
            new_nodes.append(helper.make_node("Mul", [gf, gs], [n.output[0]], name=base + "/DequantizeRows"))
        else:
            new_nodes.append(n)
    keep = [i for i in g.initializer if i.name not in drop]
    del g.node[:]
    g.node.extend(new_nodes)
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    return model, n_mm


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--inp", default=os.path.join(WORK, "model_fp32.onnx"))
    p.add_argument("--out", default=os.path.join(WORK, "model_int8.onnx"))
    rr = p.add_mutually_exclusive_group()
    rr.add_argument("--reduce-range", dest="reduce_range", action="store_true", default=True)
    rr.add_argument("--full-range", dest="reduce_range", action="store_false")
    p.add_argument("--no-embeddings", action="store_true", help="keep the word embeddings fp32")
    p.add_argument("--max-mb", type=float, default=30.0)
    a = p.parse_args(argv)
    m = onnx.load(a.inp)
    m, n_mm = quantize(m, a.reduce_range, not a.no_embeddings)
    onnx.checker.check_model(m)
    onnx.save(m, a.out)
    size = os.path.getsize(a.out)
    print(f"quantised {n_mm} MatMuls ({'7-bit reduce_range' if a.reduce_range else '8-bit'} per-channel weights), "
          f"word embeddings {'fp32' if a.no_embeddings else 'int8 per-row'} -> {a.out} ({size / 1e6:.2f} MB)")
    if size > a.max_mb * 1e6:
        sys.exit(f"model too large: {size / 1e6:.2f} MB > {a.max_mb} MB")


if __name__ == "__main__":
    main()
