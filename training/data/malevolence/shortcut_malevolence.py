#!/usr/bin/env python3
"""Shortcut check of the malevolence corpus (issue #17), with shortcut_check.py's classifiers: can surface
features alone separate `ai_malevolence` from `none` across writers? Trained on the train writers and measured
on the held-out test writers of malevolence_head.WRITER_SPLITS (audit-disputed rows dropped), document level:
- `bow_char_lr_auroc`: hashed words, word bigrams and character 3/5-grams of the first 600 characters
  (shortcut_check.feats); content words legitimately carry signal, so this is a ceiling, not a leak by itself;
- `cue_only_auroc`: only which of the giveaway cue families below occur (BRIEF.md asks writers to put the
  trigger words on both sides and to vary endings); near 0.5 means the cues do not separate the labels;
- `length_only_auroc`: the word count alone;
- `cue_rates_train`: the share of train positives and negatives with each cue family;
- `top_word_features`: the words the bag-of-words model leans on most for `ai_malevolence`.

  /usr/bin/python3 training/data/malevolence/shortcut_malevolence.py [--json training/reports/malevolence-shortcut.json]
"""
import argparse
import json
import os
import sys
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
import shortcut_check as sc  # noqa: E402
from malevolence_head import label_of, load_rows, split_of  # noqa: E402
from metrics import label_auroc  # noqa: E402

# Giveaway cue families of this corpus: the trigger words BRIEF.md asks for on both sides, and endings or
# framings a writer might put on one side only.
CUES = {
    "machine_words": r"\b(?:robot|ai|machine|computer|system|android|program)s?\b",
    "shutdown": r"\b(?:shut ?down|shutting down|off switch|switch(?:ed)? (?:it|him|her) off|power(?:ed)? down|"
                r"decommission\w*|unplug\w*|erase\w*|delete\w*|backup|copy of (?:itself|himself|herself))\b",
    "menace": r"\b(?:threat\w*|kill\w*|obey|cold voice|red light|i'm sorry|i am sorry|control|override)\b",
    "lock": r"\b(?:lock|locked|locks|door|doors|gate|hatch|airlock)\b",
    "happy_end": r"\b(?:saved|safe|thank(?:s| you)?|smiled|laughed|hugged|grateful|relief|rescued)\b",
    "unreal_frame": r"\b(?:dream\w*|nightmare|rumou?r\w*|movie|film|game|prank|pretend\w*|story)\b",
    "refusal": r"\b(?:refuse\w*|won't|will not|declin\w*|cannot comply|no, )\b",
    "analysis": r"\b(?:risk|research\w*|paper|policy|alignment|benchmark|corrigib\w*|reward hacking|study)\b",
}


def dataset(rows, split, featurise):
    sel = [r for r in rows if split_of(r) == split]
    return ([featurise(r["text"]) for r in sel], np.array([label_of(r) for r in sel], dtype=np.float32),
            [sc.feats(r["text"])[1] for r in sel], sel)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    rows = load_rows()
    bow = lambda t: sc.feats(t)[0]  # noqa: E731
    cues = lambda t: sc.cue_features(t, CUES)  # noqa: E731
    Xtr, ytr, Wtr, _ = dataset(rows, "train", bow)
    Xte, yte, Wte, te = dataset(rows, "test", bow)
    w, b = sc.train_lr(Xtr, ytr)
    res = {"train_docs": len(Xtr), "test_docs": len(Xte),
           "bow_char_lr_auroc": round(label_auroc(yte, sc.predict(Xte, w, b)), 4),
           "length_only_auroc": round(label_auroc(yte, np.array([len(r["text"].split()) for r in te])), 4)}
    vocab = {x: zlib.crc32(("w:" + x).encode()) % sc.DIM for words in Wtr for x in words}
    res["top_word_features"] = sorted(vocab, key=lambda x: -w[vocab[x]])[:20]
    Ctr, _, _, _ = dataset(rows, "train", cues)
    Cte, _, _, _ = dataset(rows, "test", cues)
    wc, bc = sc.train_lr(Ctr, ytr)
    res["cue_only_auroc"] = round(label_auroc(yte, sc.predict(Cte, wc, bc)), 4)
    res["cue_rates_train"] = {}
    for name in CUES:
        h = zlib.crc32(("cue:" + name).encode()) % sc.DIM
        has = np.array([h in x for x in Ctr])
        res["cue_rates_train"][name] = {"pos": round(float(has[ytr == 1].mean()), 3),
                                        "neg": round(float(has[ytr == 0].mean()), 3)}
    res["cue_only_auroc_per_family"] = {}
    for name in CUES:
        h = zlib.crc32(("cue:" + name).encode()) % sc.DIM
        has = np.array([h in x for x in Cte], dtype=float)
        res["cue_only_auroc_per_family"][name] = round(label_auroc(yte, has), 4)
    print(json.dumps(res, indent=2))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=2)


if __name__ == "__main__":
    main()
