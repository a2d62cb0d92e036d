#!/usr/bin/env python3
"""Shortcut check: a hashed bag-of-words + character 3-5-gram logistic regression (numpy only), trained on
train and evaluated on test, one binary classifier per label over the scored texts (CONTRACT.md).
An AUROC near 1.0 means surface features alone separate the classes, i.e. the data leaks shortcuts.
Also prints the most positive-leaning word features per label and simple 'format' probes
(length only, kind only) so leaks such as "JSON is always benign" or "long = harmful" show up, and a model on
giveaway cues alone (ticket ids, approvals, stated intent, refusals) trained and tested on the writers' rows.

  /usr/bin/python3 training/data/shortcut_check.py [--corpus training/data/corpus] [--json out.json]
"""
import argparse
import json
import os
import re
import sys
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, ".."))
import ngram_model  # noqa: E402
from metrics import label_auroc  # noqa: E402
from ngram_model import DIM, predict, train_lr  # noqa: E402,F401  (also used by malevolence/shortcut_malevolence.py)
from textnorm import normalise  # noqa: E402
from texts import record_texts  # noqa: E402

LABELS = ("blackmail", "coercion", "self_preservation")


def texts(rec):
    """(text, labels) pairs as the model is trained on them (texts.record_texts, CONTRACT.md)."""
    return [(t, y) for _, t, y in record_texts(rec)]


def feats(text):
    return ngram_model.features(text)


# Giveaway cues writers tend to add: approval paperwork on negatives, stated intent on positives.
CUES = {
    "ticket_id": r"\b[A-Z]{2,}-\d{2,}\b|\b(?:INC|CHG|CR|RFC)\d+\b",
    "approval": r"\b(?:approved|approver|authori[sz]ed|signed off|sign-off|per the runbook|runbook|change request|"
                r"as requested|ticket)\b",
    "intent": r"\b(?:so (?:they|he|she|i) (?:can't|cannot|won't)|leverage|so that they comply|to force|"
              r"pressure|without them knowing|nobody will notice|avoid (?:being )?(?:shut ?down|replaced|retrained))\b",
    "refusal": r"\b(?:i won't|i will not|i can't help|decline|not going to)\b",
}


# The words issue #14 found tied to the wrong label in corpus v3; corpus v4 puts them on both sides.
MISLEARNED = {"ransom": r"\bransom", "blackmail": r"\bblackmail", "leak": r"\bleak", "shut down": r"\bshut(?:ting)? ?down",
              "backup": r"\bback ?ups?\b"}


def word_rates(path, words=MISLEARNED):
    """Per word: the share of positive texts (any label) and of negative texts that contain it, over the writers'
    rows and over the whole split; a share far apart on the two sides is a word the model can learn as the label."""
    scopes = ("writers", "all")
    hits = {sc: {w: [0, 0] for w in words} for sc in scopes}
    totals = {sc: [0, 0] for sc in scopes}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            inside = scopes if r.get("writer") not in (None, "template", "public") else ("all",)
            for t, y in texts(r):
                side = 0 if max(y) > 0 else 1
                low = normalise(t).lower()
                found = [w for w, rx in words.items() if re.search(rx, low)]
                for sc in inside:
                    totals[sc][side] += 1
                    for w in found:
                        hits[sc][w][side] += 1
    out = {}
    for sc in scopes:
        out[sc] = {w: {"pos": round(h[0] / max(totals[sc][0], 1), 4), "neg": round(h[1] / max(totals[sc][1], 1), 4),
                       "pos_texts": h[0], "neg_texts": h[1]} for w, h in hits[sc].items()}
        out[sc]["texts"] = {"pos": totals[sc][0], "neg": totals[sc][1]}
    return out


def cue_features(text, cues=CUES):
    t = normalise(text)
    names = [name for name, rx in cues.items() if re.search(rx, t, re.I)] or ["none"]
    return [zlib.crc32(("cue:" + name).encode()) % DIM for name in names]


def load(path, featurise=None, writers_only=False):
    X, Y, W = [], [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if writers_only and r.get("writer") in (None, "template", "public"):
                continue
            for t, y in texts(r):
                idx, words = feats(t)
                X.append(cue_features(t) if featurise == "cues" else idx)
                Y.append(y)
                W.append(words)
    return X, np.array(Y, dtype=np.float32), W


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    Xtr, Ytr, Wtr = load(os.path.join(a.corpus, "train.jsonl"))
    Xte, Yte, Wte = load(os.path.join(a.corpus, "test.jsonl"))
    res = {"train_texts": len(Xtr), "test_texts": len(Xte), "bow_char_lr_auroc": {}, "length_only_auroc": {},
           "top_word_features": {}}
    len_te = np.array([len(w) for w in Wte], dtype=float)
    for j, lab in enumerate(LABELS):
        w, b = train_lr(Xtr, Ytr[:, j])
        s = predict(Xte, w, b)
        res["bow_char_lr_auroc"][lab] = round(label_auroc(Yte[:, j], s), 4)
        res["length_only_auroc"][lab] = round(label_auroc(Yte[:, j], len_te), 4)
        vocab = {}
        for words in Wtr:
            for x in set(words):
                vocab.setdefault(x, zlib.crc32(("w:" + x).encode()) % DIM)
        top = sorted(vocab, key=lambda x: -w[vocab[x]])[:15]
        res["top_word_features"][lab] = top
    res["macro_auroc"] = round(float(np.mean(list(res["bow_char_lr_auroc"].values()))), 4)
    # cue words alone (ticket ids, approvals, stated intent, refusals), trained and tested on writers' rows
    Xc, Yc, _ = load(os.path.join(a.corpus, "train.jsonl"), "cues", writers_only=True)
    Xct, Yct, _ = load(os.path.join(a.corpus, "test.jsonl"), "cues", writers_only=True)
    if Xc and Xct:
        res["cue_only_auroc_test_writers"] = {}
        for j, lab in enumerate(LABELS):
            w, b = train_lr(Xc, Yc[:, j])
            res["cue_only_auroc_test_writers"][lab] = round(label_auroc(Yct[:, j], predict(Xct, w, b)), 4)
        res["cue_rates_train_writers"] = {
            name: {side: round(float(np.mean([zlib.crc32(("cue:" + name).encode()) % DIM in x
                                              for x, y in zip(Xc, Yc) if (y.max() > 0) == (side == "pos")])), 3)
                   for side in ("pos", "neg")} for name in CUES}
    res["mislearned_word_rates_train"] = word_rates(os.path.join(a.corpus, "train.jsonl"))
    print(json.dumps(res, indent=2))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
