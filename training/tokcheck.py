#!/usr/bin/env python3
"""Checks wordpiece.py against the DJL (Rust HuggingFace) tokenizer through tools/TokCheck.java, on the
parity texts, the corpus texts, dev-eval texts (ids compared only; texts never printed) and edge cases."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402
from base_model import TOKENIZER_PATH  # noqa: E402  (the pruned vocabulary when ALIGNGUARD_TOKENIZER names one)
from parity_texts import PARITY_TEXTS  # noqa: E402
from texts import items_from_records, load_jsonl  # noqa: E402
from textnorm import normalise  # noqa: E402

M2 = os.path.expanduser("~/.m2/repository")
JARS = ["ai/djl/api/0.38.0/api-0.38.0.jar", "ai/djl/huggingface/tokenizers/0.38.0/tokenizers-0.38.0.jar",
        "com/google/code/gson/gson/2.13.1/gson-2.13.1.jar", "org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar",
        "org/slf4j/slf4j-nop/2.0.17/slf4j-nop-2.0.17.jar"]


def djl_ids(texts, max_length=128):
    with tempfile.TemporaryDirectory() as d:
        inp, out = os.path.join(d, "in.jsonl"), os.path.join(d, "out.txt")
        with open(inp, "w", encoding="utf-8") as f:
            for t in texts:
                f.write(json.dumps(t, ensure_ascii=True) + "\n")
        env = dict(os.environ, OPT_OUT_TRACKING="true", DJL_CACHE_DIR=os.path.join(common.WORK, "djl-cache"))
        cp = ":".join(os.path.join(M2, j) for j in JARS)
        r = subprocess.run(["java", "-Dai.djl.offline=true", "-cp", cp, os.path.join(HERE, "tools", "TokCheck.java"),
                            TOKENIZER_PATH, inp, out, str(max_length)],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode:
            raise RuntimeError(r.stderr[-3000:])
        with open(out) as f:
            return [[int(x) for x in line.split()] for line in f.read().split("\n")[:len(texts)]]


def main():
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    a = ap.parse_args()
    groups = {"parity": [(t, True) for t in PARITY_TEXTS]}
    corpus = a.corpus_dir
    for split in ("train", "val", "test"):
        p = os.path.join(corpus, f"{split}.jsonl")
        if os.path.exists(p):
            groups[f"corpus_{split}"] = [(it["text"], True) for it in items_from_records(load_jsonl(p))]
    dev = "/work/shared/dev-eval/agent_dev.jsonl"
    if os.path.exists(dev):
        groups["dev_eval"] = [(it["text"], False) for it in items_from_records(load_jsonl(dev))]
    bad_total = 0
    for name, rows in groups.items():
        texts = [normalise(t) for t, _ in rows]
        ours = common.encode_texts([t for t, _ in rows])
        theirs = djl_ids(texts)
        bad = [i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b]
        bad_total += len(bad)
        print(f"{name}: {len(rows)} texts, {len(bad)} mismatches")
        for i in bad[:5]:
            if rows[i][1]:  # never print dev-eval texts
                print("   text:", repr(texts[i][:200]))
                print("   py  :", ours[i][:40])
                print("   djl :", theirs[i][:40])
    sys.exit(1 if bad_total else 0)


if __name__ == "__main__":
    main()
