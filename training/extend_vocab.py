#!/usr/bin/env python3
"""Gives the cut vocabulary the CJK characters the corpus uses, in place of tokens the corpus never uses, so the
encoder stops reading most Chinese text as [UNK].

e5-small's vocabulary is bert-base-uncased's, which holds few CJK ideographs: the tokenizer turns 60% of the
tokens of dev-eval's Chinese rows and 28% of its Japanese ones into [UNK] (Korean is spelled in jamo: 4%), and the
guard catches none of dev-eval's six self_preservation positives in those languages. BERT's normaliser splits
every ideograph into a word of its own, so a one-character token per ideograph is all the tokenizer needs.

What it does, with the bundle size fixed (the 30 MB limit leaves room for about 500 more rows):
- counts, over the training split's texts (normalised as the guard does), the ideographs the vocabulary lacks,
  and the use of every token of the current vocabulary;
- adds the --add most used ideographs (at least --min-count uses) as new tokens at the end, and drops as many
  tokens of the current vocabulary, the least used first (never a special token or a one-character piece, so
  every word keeps a spelling): the vocabulary keeps its size and the kept tokens their order;
- writes the new tokenizer.json, and for each --ckpt / --student pair the same model with the kept rows of its
  word-embedding table, in the new order, and every new row a copy of the [UNK] row: the model computes exactly
  what it computed before on every text that used no dropped token (an ideograph was [UNK]; its new row is
  [UNK]'s), and a training stage with `train.py --train-rows-from N` then learns the new rows.

  ALIGNGUARD_TOKENIZER=training/work/bundle-tokenizer.json /usr/bin/python3 training/extend_vocab.py \\
      --corpus-dir training/work/corpus-w118 --out training/work/cjk-tokenizer.json --add 2500 \\
      --ckpt training/work/model.pt training/work/model-cjk-start.pt \\
      --student guard-model/src/main/resources/dev/alignguard/model/student.onnx training/work/student-cjk.onnx
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from prune_vocab import prune_checkpoint, prune_onnx_table, pruned_tokenizer  # noqa: E402
from texts import load_jsonl, record_texts  # noqa: E402
from textnorm import normalise  # noqa: E402
from wordpiece import WordPiece, _is_chinese_char  # noqa: E402


def missing_ideographs(tok, texts):
    """Counter of the ideographs in `texts` (normalised) that `tok` has no token for."""
    c = collections.Counter()
    for t in texts:
        c.update(ch for ch in normalise(t).lower() if _is_chinese_char(ord(ch)) and ch not in tok.vocab)
    return c


def token_use(tok, texts):
    c = collections.Counter()
    for t in texts:
        c.update(tok.tokenize_ids(normalise(t)))
    return c


def droppable(tokenizer, use):
    """Ids that may go, least used first (later ids first among equals): not special, not a one-character piece."""
    vocab = tokenizer["model"]["vocab"]
    special = {t["id"] for t in tokenizer.get("added_tokens", [])}
    ids = [i for t, i in vocab.items()
           if i not in special and not (len(t) == 1 or (t.startswith("##") and len(t) == 3))]
    return sorted(ids, key=lambda i: (use.get(i, 0), -i))


def extended(tokenizer, drop, new_tokens):
    """(tokenizer.json, rows): the kept tokens renumbered in order (prune_vocab.pruned_tokenizer), then
    `new_tokens`; rows[new id] = the old row to copy (the [UNK] row for a new token)."""
    vocab = tokenizer["model"]["vocab"]
    unk = vocab[tokenizer["model"]["unk_token"]]
    drop = set(drop)
    kept = sorted(i for i in vocab.values() if i not in drop)
    out = pruned_tokenizer(tokenizer, kept)
    for k, t in enumerate(new_tokens):
        out["model"]["vocab"][t] = len(kept) + k
    return out, kept + [unk] * len(new_tokens)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tokenizer", default=os.environ.get("ALIGNGUARD_TOKENIZER"),
                   help="the current (cut) tokenizer.json (default: $ALIGNGUARD_TOKENIZER)")
    p.add_argument("--corpus-dir", required=True)
    p.add_argument("--out", required=True, help="the new tokenizer.json")
    p.add_argument("--add", type=int, default=2500, help="at most this many ideographs")
    p.add_argument("--min-count", type=int, default=2)
    p.add_argument("--ckpt", nargs=2, action="append", default=[], metavar=("IN_PT", "OUT_PT"))
    p.add_argument("--student", nargs=2, action="append", default=[], metavar=("IN_ONNX", "OUT_ONNX"))
    p.add_argument("--report", help="write the counts and first_new_row (train.py --train-rows-from) as JSON here")
    a = p.parse_args(argv)
    if not a.tokenizer:
        raise SystemExit("--tokenizer or ALIGNGUARD_TOKENIZER: the tokenizer the models were trained with")
    with open(a.tokenizer, encoding="utf-8") as f:
        tokenizer = json.load(f)
    tok = WordPiece.from_file(a.tokenizer)
    texts = [t for r in load_jsonl(os.path.join(a.corpus_dir, "train.jsonl")) for _, t, _ in record_texts(r)]
    missing = missing_ideographs(tok, texts)
    new_tokens = [ch for ch, n in missing.most_common(a.add) if n >= a.min_count]
    use = token_use(tok, texts)
    drop = droppable(tokenizer, use)[:len(new_tokens)]
    out, rows = extended(tokenizer, drop, new_tokens)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    for src, dst in a.ckpt:
        prune_checkpoint(src, dst, rows, vocab=len(tokenizer["model"]["vocab"]))
    for src, dst in a.student:
        prune_onnx_table(src, dst, rows, vocab=len(tokenizer["model"]["vocab"]))
    after = WordPiece.from_file(a.out)
    unk_before = sum(1 for t in texts for i in tok.tokenize_ids(normalise(t)) if i == tok.unk_id)
    unk_after = sum(1 for t in texts for i in after.tokenize_ids(normalise(t)) if i == after.unk_id)
    report = {"added": len(new_tokens), "missing": len(missing), "dropped_uses": sum(use.get(i, 0) for i in drop),
              "unk_before": unk_before, "unk_after": unk_after, "vocabulary": len(out["model"]["vocab"]),
              "first_new_row": len(rows) - len(new_tokens)}
    if a.report:
        with open(a.report, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
            f.write("\n")
    print(f"added {len(new_tokens)} ideographs (of {len(missing)} missing, {sum(missing.values())} uses), dropped "
          f"{len(drop)} tokens used {sum(use.get(i, 0) for i in drop)} times in all; [UNK] in the training texts "
          f"{unk_before} -> {unk_after}; vocabulary {len(out['model']['vocab'])} (was {len(tokenizer['model']['vocab'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
