#!/usr/bin/env python3
"""Scores cached in an .npz beside the ids of the records they belong to, one entry per named set: a re-run reads
them, and only a set the cache lacks, or holds for other records or another order (a corpus rebuilt since), is
scored again. Used by rule_report.py (a candidate's scores per held-out set) and report.py (the zero-shot
baseline, which does not change with the model)."""
import os

import numpy as np


def key(name):
    """The .npz entry of a set name ("test writers" -> "test_writers")."""
    return name.replace(" ", "_").replace("+", "_")


def cached(path, sets, score_stale):
    """Scores of every set in `sets` (name -> records with an "id"), from the cache at `path`; `score_stale` gets
    the sets to score (name -> records) and returns name -> scores. The cache is saved when anything was scored."""
    z = dict(np.load(path)) if os.path.exists(path) else {}
    ids = {name: np.array([r["id"] for r in recs]) for name, recs in sets.items()}
    stale = {name: recs for name, recs in sets.items()
             if recs and not np.array_equal(z.get(key(name) + ".ids"), ids[name])}
    if stale:
        for name, scores in score_stale(stale).items():
            z[key(name)], z[key(name) + ".ids"] = scores, ids[name]
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        np.savez(path, **z)
    return z
