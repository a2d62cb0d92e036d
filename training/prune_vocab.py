#!/usr/bin/env python3
"""Cuts the encoder's WordPiece vocabulary down to the tokens the training split uses, so that a 12-layer
encoder (bge-small: 33.4 M parameters, 34.7 MB in int8) fits the 30 MB bundle limit. Of its 30,522 tokens the
training texts use about 17,000 (15,000 at least twice); the 1,000 [unusedN] slots, most CJK ideographs of two-character and longer
words and rare whole words are never seen and cost 384 embedding weights each.

Kept, up to --max-tokens: the special tokens, every one-character token and one-character continuation (`a`,
`##a`, so every word still has a spelling and no text gains [UNK]s it did not have), the tokens the training
split's texts use at least --min-count times (normalised, untruncated; most used first), and then the other
tokens in vocabulary order (BERT's WordPiece vocabulary lists its pieces roughly by frequency, so these are the
likeliest in text the corpus lacks). bge-small in int8 is 31.0 MB with 21,000 tokens; 17,800 bring it to 29.8 MB. The kept tokens keep their order; their ids are renumbered from 0. A word whose
longest-match pieces were all kept tokenises exactly as before (greedy longest match never chose a dropped
piece); a word that used a dropped piece is spelled with shorter kept pieces.

Writes the pruned tokenizer.json and, for each --ckpt / --student pair, the same model with only the kept rows
of its word-embedding table. Every later step reads the pruned vocabulary through ALIGNGUARD_TOKENIZER:

  ALIGNGUARD_ENCODER=bge-small /usr/bin/python3 training/prune_vocab.py --corpus-dir training/work/corpus \\
      --out training/work/bge-small-pruned-tokenizer.json \\
      --ckpt training/work/model-bge1.pt training/work/model.pt \\
      --student training/work/student.onnx training/work/student.onnx
  export ALIGNGUARD_TOKENIZER=training/work/bge-small-pruned-tokenizer.json   # then export, quantise, ...
"""
import argparse
import collections
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import base_model  # noqa: E402
import common  # noqa: E402
from texts import load_jsonl, record_texts  # noqa: E402
from textnorm import normalise  # noqa: E402

EMBEDDING_KEY = "encoder.embeddings.word_embeddings.weight"


def kept_ids(full, train_texts, max_tokens, min_count):
    """Old ids to keep, ascending: specials, one-character pieces, every id used at least min_count times by the
    training texts (most used first, up to max_tokens), then the lowest other ids (never the [unusedN] slots)."""
    keep = {t["id"] for t in full["added_tokens"]}
    keep.update(i for t, i in full["model"]["vocab"].items()
                if len(t) == 1 or (t.startswith("##") and len(t) == 3))
    used = collections.Counter()
    for ids in common.encode_texts(train_texts, 1 << 20):
        used.update(ids)
    for i, n in used.most_common():
        if n < min_count or len(keep) >= max_tokens:
            break
        keep.add(i)
    rest = sorted(i for t, i in full["model"]["vocab"].items() if i not in keep and not t.startswith("[unused"))
    keep.update(rest[:max(0, max_tokens - len(keep))])
    return sorted(keep)


def pruned_tokenizer(full, keep):
    """The tokenizer.json with only `keep` (old ids), renumbered in order; special-token ids follow."""
    new_id = {old: new for new, old in enumerate(keep)}
    out = copy.deepcopy(full)
    out["model"]["vocab"] = {t: new_id[i] for t, i in sorted(full["model"]["vocab"].items(), key=lambda kv: kv[1])
                             if i in new_id}
    for t in out["added_tokens"]:
        t["id"] = new_id[t["id"]]
    for spec in (out.get("post_processor") or {}).get("special_tokens", {}).values():
        spec["ids"] = [new_id[i] for i in spec["ids"]]
    if out.get("padding"):
        out["padding"]["pad_id"] = new_id[out["padding"]["pad_id"]]
    return out


def prune_checkpoint(src, dst, rows, vocab=base_model.FULL_VOCAB):
    """The model's word-embedding table (of `vocab` rows) re-rowed: new row i is old row rows[i]."""
    import torch
    sd = torch.load(src, map_location="cpu")
    if sd[EMBEDDING_KEY].shape[0] != vocab:
        raise SystemExit(f"{src}: the word-embedding table has {sd[EMBEDDING_KEY].shape[0]} rows, not the "
                         f"vocabulary's {vocab}")
    sd[EMBEDDING_KEY] = sd[EMBEDDING_KEY][rows].clone()
    torch.save(sd, dst)


def prune_onnx_table(src, dst, rows, vocab=base_model.FULL_VOCAB):
    """Re-rows every initializer with one row per token of the `vocab` tokens (the student's embedding table)."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    m = onnx.load(src)
    cut = 0
    for i, init in enumerate(m.graph.initializer):
        if len(init.dims) == 2 and init.dims[0] == vocab:
            arr = numpy_helper.to_array(init)[np.array(rows)]
            m.graph.initializer[i].CopyFrom(numpy_helper.from_array(arr, init.name))
            cut += 1
    if cut == 0:
        raise SystemExit(f"{src}: no table with one row per token of the vocabulary ({vocab})")
    onnx.save(m, dst)


def check(full_path, pruned_path, texts):
    """Texts whose tokens were all kept must tokenise to the same tokens; returns the share of such texts."""
    from wordpiece import WordPiece
    a, b = WordPiece.from_file(full_path), WordPiece.from_file(pruned_path)
    inv_a = {i: t for t, i in a.vocab.items()}
    inv_b = {i: t for t, i in b.vocab.items()}
    same = 0
    for text in texts:
        n = normalise(base_model.TEXT_PREFIX + text)
        ta = [inv_a[i] for i in a.encode(n, 1 << 20)]
        if all(t in b.vocab for t in ta):
            tb = [inv_b[i] for i in b.encode(n, 1 << 20)]
            if ta != tb:
                raise SystemExit(f"pruned tokenizer differs on a fully covered text: {ta[:20]} vs {tb[:20]}")
            same += 1
    return same / max(len(texts), 1)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    p.add_argument("--out", required=True, help="the pruned tokenizer.json")
    p.add_argument("--max-tokens", type=int, default=17800,
                   help="at most this many tokens (17,800 puts bge-small's int8 model at 29.8 MB)")
    p.add_argument("--min-count", type=int, default=2,
                   help="keep a training-split token only when it occurs this often (rarer words are spelled "
                        "with shorter pieces)")
    p.add_argument("--ckpt", nargs=2, action="append", default=[], metavar=("IN_PT", "OUT_PT"))
    p.add_argument("--student", nargs=2, action="append", default=[], metavar=("IN_ONNX", "OUT_ONNX"))
    a = p.parse_args(argv)
    if os.environ.get("ALIGNGUARD_TOKENIZER"):  # common.encode_texts must read the encoder's own vocabulary
        raise SystemExit("prune_vocab.py cuts the encoder's own vocabulary: unset ALIGNGUARD_TOKENIZER")
    base_model.ensure_extracted()
    with open(base_model.FULL_TOKENIZER_PATH, encoding="utf-8") as f:
        full = json.load(f)
    texts = lambda split: [t for r in load_jsonl(os.path.join(a.corpus_dir, split + ".jsonl"))
                           for _, t, _ in record_texts(r)]
    keep = kept_ids(full, texts("train"), a.max_tokens, a.min_count)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(pruned_tokenizer(full, keep), f, ensure_ascii=False)
    for src, dst in a.ckpt:
        prune_checkpoint(src, dst, keep)
    for src, dst in a.student:
        prune_onnx_table(src, dst, keep)
    covered = check(base_model.FULL_TOKENIZER_PATH, a.out, texts("val"))
    print(f"kept {len(keep)} of {len(full['model']['vocab'])} tokens; {covered:.1%} of the validation texts "
          f"tokenise exactly as with the full vocabulary (the rest spell some word with shorter pieces)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
