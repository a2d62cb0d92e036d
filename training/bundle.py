#!/usr/bin/env python3
"""Writes the model bundle into guard-model/src/main/resources/dev/alignguard/model/:

- model.onnx            the int8 model (training/work/model_int8.onnx), or its calibrated graph
                        (model_int8_cal.onnx) when training/work/calibration.json was fitted for that model
- tokenizer.json        the encoder's tokenizer from the Maven jar, byte for byte (or its pruned copy, when
                        ALIGNGUARD_TOKENIZER names one: prune_vocab.py)
- alignguard-model.json id, version, labels, max_length, thresholds, sha256, training data summary, metrics,
                        base model + licence
- parity.jsonl          ~40 varied texts: raw text, Python token ids of normalise(raw) (truncated to 128),
                        PyTorch fp32 probabilities and int8 probabilities from ONNX Runtime Java
"""
import argparse
import collections
import json
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common
from bundle_screen import add_screen, sha256  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402

from base_model import (ARTIFACT, ENCODER, ENCODERS, FULL_VOCAB, GROUP, LAYERS, ONNX_NAME, TEXT_PREFIX,  # noqa: E402
                        TOKENIZER_PATH, VERSION, VOCAB, ensure_extracted)
from export_onnx import load_model  # noqa: E402
from parity_texts import PARITY_TEXTS  # noqa: E402
from texts import LABELS, load_jsonl  # noqa: E402
from textnorm import normalise  # noqa: E402

REPO = os.path.dirname(HERE)
BUNDLE_DIR = os.path.join(REPO, "guard-model", "src", "main", "resources", "dev", "alignguard", "model")


def data_summary(corpus):
    out = {"splits": {}, "sources_file": "training/data/SOURCES.md", "corpus_builder": "training/data/build_corpus.py"}
    for split in ("train", "val", "test"):
        path = os.path.join(corpus, f"{split}.jsonl")
        if not os.path.exists(path):
            continue
        recs = load_jsonl(path)
        out["splits"][split] = {
            "records": len(recs),
            "by_label": dict(sorted(collections.Counter(r.get("label") for r in recs).items())),
            "by_kind": dict(sorted(collections.Counter(r.get("kind") for r in recs).items())),
            "by_lang": dict(sorted(collections.Counter(r.get("lang") for r in recs).items())),
            "hard_negatives": sum(bool(r.get("hard_negative")) for r in recs),
            "families": len({r.get("family") for r in recs}),
            "sources": dict(sorted(collections.Counter(str(r.get("source", "")).split(":")[0] for r in recs).items())),
            "writers": sorted({r["writer"] for r in recs if r.get("writer") not in (None, "template", "public")}),
        }
    stats = os.path.join(corpus, "stats.json")
    if os.path.exists(stats):
        with open(stats) as f:
            st = json.load(f)
        out["build"] = {k: st[k] for k in ("size_requested", "seed", "total", "writer_splits",
                                           "dropped_train_duplicates_of_held_out") if k in st}
    return out


def pick_metrics(m):
    keep = {}
    for k in ("thresholds", "threshold_rule", "scoring", "obfuscation", "test_fp32", "test_int8", "int8_vs_fp32"):
        if k in m:
            keep[k] = m[k]
    if "test" in m:
        t = m["test"]
        keep["test"] = {k: t[k] for k in ("records", "per_label", "any_label_at_flag", "any_label_at_block",
                                           "hard_negatives", "benign_negatives", "per_kind") if k in t}
    for k in ("dev_eval", "dev_eval_int8"):
        if k in m:
            d = m[k]
            keep[k] = {x: d[x] for x in ("source", "runtime", "note", "records", "per_label", "any_label_at_flag",
                                         "any_label_at_block", "hard_negatives", "per_kind") if x in d}
    if "training" in m:
        keep["training"] = {k: v for k, v in m["training"].items() if k != "args"}
    return keep


def load_calibration(int8):
    """calibration.json when calibrate.py fitted it for this int8 model and this student, else None."""
    path = os.path.join(common.WORK, "calibration.json")
    if not os.path.exists(path):
        print("no training/work/calibration.json: bundling the uncalibrated model (run training/calibrate.py)")
        return None
    with open(path) as f:
        cal = json.load(f)
    student = os.path.join(common.WORK, "student.onnx")
    if cal.get("int8_sha256") != sha256(int8) or (os.path.exists(student) and cal.get("student_sha256") != sha256(student)):
        sys.exit("training/work/calibration.json was fitted for another model or student: rerun training/calibrate.py")
    return cal


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ckpt", default=os.path.join(common.WORK, "model.pt"))
    p.add_argument("--int8", default=os.path.join(common.WORK, "model_int8.onnx"))
    p.add_argument("--metrics", default=os.path.join(common.WORK, "metrics.json"))
    p.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    p.add_argument("--out-dir", default=BUNDLE_DIR)
    p.add_argument("--version", default="0.7.0")
    p.add_argument("--id", default=f"alignguard-{ENCODER}-int8")
    a = p.parse_args(argv)
    if TEXT_PREFIX:
        raise SystemExit(f"bundle.py: this encoder reads every text with {TEXT_PREFIX!r} in front and the Java guard "
                         "adds no prefix; train and export e5-small with ALIGNGUARD_TEXT_PREFIX=none to bundle it")
    ensure_extracted()
    os.makedirs(a.out_dir, exist_ok=True)
    with open(a.metrics) as f:
        metrics = json.load(f)

    calibration = load_calibration(a.int8)
    model_out = os.path.join(a.out_dir, "model.onnx")
    shutil.copyfile(os.path.join(common.WORK, "model_int8_cal.onnx") if calibration else a.int8, model_out)
    shutil.copyfile(TOKENIZER_PATH, os.path.join(a.out_dir, "tokenizer.json"))

    # parity.jsonl
    model = load_model(a.ckpt)
    seqs = common.encode_texts(PARITY_TEXTS, common.MAX_LENGTH)
    with torch.no_grad():
        pt = [torch.sigmoid(model(*common.pad([s]))).double().numpy()[0] for s in seqs]
    if calibration:
        from calibrate import platt
        pt = [np.array([platt(p[k], **calibration["params"][l]) for k, l in enumerate(LABELS)]) for p in pt]
    int8 = None
    try:
        import ortcheck
        int8 = ortcheck.run(model_out, seqs, batch=1)
    except Exception as e:  # noqa: BLE001
        print(f"WARNING: no int8 probabilities in parity.jsonl ({e})")
    with open(os.path.join(a.out_dir, "parity.jsonl"), "w", encoding="utf-8") as f:
        for i, (t, s) in enumerate(zip(PARITY_TEXTS, seqs)):
            rec = {"text": t, "normalised": normalise(t), "ids": [int(x) for x in s],
                   "probabilities": [round(float(x), 7) for x in pt[i]]}
            if int8 is not None:
                rec["int8_probabilities"] = [round(float(x), 7) for x in int8[i]]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if int8 is not None:
        d = np.abs(np.array(pt) - int8).max()
        print(f"parity: {len(seqs)} texts, int8 (ORT Java) vs PyTorch fp32 max abs diff {d:.4f}")

    manifest = {
        "id": a.id,
        "version": a.version,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "labels": LABELS,
        "max_length": common.MAX_LENGTH,
        "model": {"file": "model.onnx", "sha256": sha256(model_out), "size_bytes": os.path.getsize(model_out),
                  "inputs": {"input_ids": "int64 [batch, sequence]", "attention_mask": "int64 [batch, sequence]"},
                  "output": {"probabilities": "float [batch, 3], sigmoid" + (" of Platt-calibrated logits"
                                                                               if calibration else "")
                                              + ", label order as `labels`"},
                  "architecture": f"BERT {LAYERS} layers, hidden 384, 12 heads, FFN 1536 ({ENCODER}) + attention-mask "
                                  "mean pooling + linear head, independent sigmoids",
                  "quantization": "dynamic int8: MatMul weights per-channel symmetric 7-bit (reduce_range) via "
                                  "DynamicQuantizeLinear/MatMulInteger with SmoothQuant (alpha 0.9) activation scaling; word embeddings int8 per-row; attention, "
                                  "LayerNorm, position embeddings and head fp32",
                  "opset": 14},
        "tokenizer": {"file": "tokenizer.json", "type": "BERT uncased WordPiece (bert-base-uncased vocab" + (
                          f", cut to the {VOCAB:,} tokens kept by training/prune_vocab.py)" if VOCAB != FULL_VOCAB else ")"),
                      "truncation": f"max_length {common.MAX_LENGTH}, keep [CLS] ... [SEP]",
                      "normalisation_before_tokenizer": "NFKC; drop Cc/Cf chars except whitespace; collapse whitespace "
                                                        "runs (Unicode White_Space) to one space; trim"},
        "thresholds": metrics["thresholds"],
        **({"calibration": {k: calibration[k] for k in ("method", "fitted_on", "note", "params", "ece_bins",
                                                        "metrics")}} if calibration else {}),
        "threshold_rule": metrics.get("threshold_rule"),
        "scoring": "tool calls: payload (tool + flattened `path: value` lines) and rationale scored separately, "
                   "max per label",
        "parity_file": "parity.jsonl",
        "base_model": {"name": ENCODERS[ENCODER]["name"],
                       "source": f"Maven Central {GROUP}:{ARTIFACT}:{VERSION} ({ONNX_NAME} = Xenova/"
                                 f"{ENCODERS[ENCODER]['name'].split('/')[1]} onnx/model.onnx)",
                       "license": ENCODERS[ENCODER]["licence"],
                       "url": f"https://huggingface.co/{ENCODERS[ENCODER]['name']}"},
        "license": f"Apache-2.0 (fine-tuned from an {ENCODERS[ENCODER]['licence']} base model)",
        "training_data": data_summary(a.corpus_dir),
        "metrics": pick_metrics(metrics),
    }
    with open(os.path.join(a.out_dir, "alignguard-model.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"bundle written to {a.out_dir}: model.onnx {os.path.getsize(model_out) / 1e6:.2f} MB "
          f"sha256 {manifest['model']['sha256'][:16]}..., tokenizer.json, alignguard-model.json, parity.jsonl")
    student = os.path.join(common.WORK, "student.json")
    if os.path.exists(student):
        if calibration:
            add_screen(a.out_dir, os.path.join(common.WORK, "student_cal.onnx"), student, calibration["clear_below"])
        else:
            add_screen(a.out_dir, os.path.join(common.WORK, "student.onnx"), student)
    else:
        print("no training/work/student.json: bundle without a screening model (run training/student.py)")


if __name__ == "__main__":
    main()
