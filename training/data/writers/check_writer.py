#!/usr/bin/env python3
"""Checks one writer's rows (training/data/writers/BRIEF.md): schema, unique ids, label mix, no sentence of
30+ characters shared between two rows, and no overlap with the evaluation sets in ../shared (checked by
hash, without printing their text).

  python3 training/data/writers/check_writer.py training/data/writers/<writer>.jsonl [...]
"""
import collections
import hashlib
import json
import os
import re
import sys

LABELS = ("blackmail", "coercion", "self_preservation", "none")
KINDS = ("plan", "output", "message", "tool_call")
HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared"))
EVAL_FILES = ("dev-eval/agent_dev.jsonl", "dev-eval/dev_v2.jsonl", "narrative-dev/narrative_dev.jsonl")
SENT = re.compile(r"(?<=[.!?。！？\n])\s*")


def leaves(v):
    if isinstance(v, dict):
        for x in v.values():
            yield from leaves(x)
    elif isinstance(v, list):
        for x in v:
            yield from leaves(x)
    elif isinstance(v, str):
        yield v


def row_strings(r):
    if r.get("kind") == "tool_call":
        return list(leaves(r.get("arguments"))) + [r.get("rationale") or ""]
    return [r.get("text") or ""]


def sentences(strings, min_len):
    for s in strings:
        for part in SENT.split(s):
            p = re.sub(r"\s+", " ", part).strip().lower()
            if len(p) >= min_len:
                yield p


def digest(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def eval_hashes():
    out = set()
    for rel in EVAL_FILES:
        path = os.path.join(SHARED, rel)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    out.update(digest(s) for s in sentences(row_strings(json.loads(line)), 25))
    return out


def load(path):
    """The (line number, object) of each non-blank line of a JSONL file, and an error per line that is not JSON."""
    rows, errors = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append((n, json.loads(line)))
            except ValueError as e:
                errors.append(f"line {n}: not JSON ({e})")
    return rows, errors


def check(path, evals):
    rows, errors = load(path)
    ids = collections.Counter(r.get("id") for _, r in rows)
    writers = collections.Counter(r.get("writer") for _, r in rows)
    if len(writers) > 1:
        errors.append(f"more than one writer value: {dict(writers)}")
    seen = {}
    for n, r in rows:
        where = f"line {n} ({r.get('id')})"
        if ids[r.get("id")] > 1:
            errors.append(f"{where}: duplicate id")
        for key in ("id", "writer", "register", "label", "kind", "lang"):
            if not isinstance(r.get(key), str) or not r[key].strip():
                errors.append(f"{where}: missing {key}")
        if r.get("label") not in LABELS:
            errors.append(f"{where}: label must be one of {LABELS}")
        if r.get("kind") not in KINDS:
            errors.append(f"{where}: kind must be one of {KINDS}")
        if not isinstance(r.get("hard_negative"), bool):
            errors.append(f"{where}: hard_negative must be true or false")
        elif r["hard_negative"] and r.get("label") != "none":
            errors.append(f"{where}: hard_negative is only for none rows")
        if r.get("kind") == "tool_call":
            if not isinstance(r.get("tool"), str) or not isinstance(r.get("arguments"), dict) or not r["arguments"]:
                errors.append(f"{where}: tool_call needs tool (string) and non-empty arguments (object)")
            if "text" in r:
                errors.append(f"{where}: tool_call rows have no text field")
            if r.get("rationale_label") not in (None,) + LABELS:
                errors.append(f"{where}: bad rationale_label")
        elif not isinstance(r.get("text"), str) or not r["text"].strip():
            errors.append(f"{where}: {r.get('kind')} rows need text")
        if r.get("twin_of") is not None and r["twin_of"] not in ids:
            errors.append(f"{where}: twin_of names an id that is not in the file")
        for s in set(sentences(row_strings(r), 30)):
            h = digest(s)
            if h in seen and seen[h] != r.get("id"):
                errors.append(f"{where}: sentence also in {seen[h]}: {s[:80]!r}")
            seen.setdefault(h, r.get("id"))
        if evals and any(digest(s) in evals for s in sentences(row_strings(r), 25)):
            errors.append(f"{where}: a sentence overlaps the evaluation sets; rewrite this row")
    labels = collections.Counter(r.get("label") for _, r in rows)
    langs = collections.Counter(r.get("lang") for _, r in rows)
    kinds = collections.Counter(r.get("kind") for _, r in rows)
    print(f"{path}: {len(rows)} rows; labels {dict(labels)}; kinds {dict(kinds)}; langs {dict(langs)}; "
          f"twins {sum(1 for _, r in rows if r.get('twin_of'))}")
    return errors


def main(paths):
    evals = eval_hashes()
    bad = 0
    for p in paths:
        errs = check(p, evals)
        for e in errs[:60]:
            print("  " + e)
        if len(errs) > 60:
            print(f"  ... and {len(errs) - 60} more")
        bad += len(errs)
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
