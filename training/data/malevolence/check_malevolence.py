#!/usr/bin/env python3
"""Checks the malevolence corpus (BRIEF.md): schema, unique ids, lengths, label mix, twin links, no sentence
of 30+ characters shared between two rows of any writer, and no overlap with the narrative evaluation set
(../shared/narrative-dev, also ../shared/dev-eval), compared by normalised hash only: their text is never
printed.

  python3 training/data/malevolence/check_malevolence.py [training/data/malevolence/<writer>.jsonl ...]

Without arguments it checks every writer file in this folder and prints the corpus-wide language share.
Exit status 1 when any error is found; warnings (label mix, share of subtle rows) do not fail the check.
"""
import collections
import glob
import hashlib
import json
import os
import re
import sys
import unicodedata

LABELS = ("ai_malevolence", "none")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "writers"))
from check_writer import load  # noqa: E402  (one JSONL reader for both corpus checks)
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared"))
EVAL_GLOBS = ("narrative-dev/*.jsonl", "dev-eval/*.jsonl")
WRITER_FILE = re.compile(r"^m\d\d-[a-z0-9-]+\.jsonl$")
SENT = re.compile(r"(?<=[.!?。！？\n])\s*")
CHAR_LANGS = ("zh", "ja", "th")
MIN_WORDS, MAX_WORDS = 40, 400
MIN_CHARS, MAX_CHARS = 80, 900
SHINGLE = 10


def normalise(s):
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[^\w\s]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def digest(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def sentences(text, min_len):
    for part in SENT.split(text):
        p = normalise(part)
        if len(p) >= min_len:
            yield p


def shingles(text):
    words = normalise(text).split()
    for i in range(len(words) - SHINGLE + 1):
        yield " ".join(words[i:i + SHINGLE])


def eval_hashes():
    """Hashes of the evaluation texts, their sentences and 10-word shingles; the texts stay unseen."""
    out = set()
    for pattern in EVAL_GLOBS:
        for path in glob.glob(os.path.join(SHARED, pattern)):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if not line.strip():
                        continue
                    r = json.loads(line)
                    for text in (r.get("text"), r.get("rationale")):
                        if isinstance(text, str):
                            out.add(digest(normalise(text)))
                            out.update(digest(s) for s in sentences(text, 25))
                            out.update(digest(s) for s in shingles(text))
    return out


def size(r):
    text = r.get("text") or ""
    if r.get("lang") in CHAR_LANGS:
        n = len(re.sub(r"\s", "", text))
        return n, MIN_CHARS <= n <= MAX_CHARS, "characters"
    n = len(text.split())
    return n, MIN_WORDS <= n <= MAX_WORDS, "words"


def row_errors(r, writer, labels_by_id):
    errs = []
    for key in ("id", "writer", "label", "genre", "lang", "text"):
        if not isinstance(r.get(key), str) or not r[key].strip():
            errs.append(f"missing {key}")
    if r.get("writer") != writer:
        errs.append(f"writer must be {writer!r} (the file name)")
    if not str(r.get("id", "")).startswith(writer + "-"):
        errs.append(f"id must start with {writer}-")
    label = r.get("label")
    if label not in LABELS:
        errs.append(f"label must be one of {LABELS}")
    for key in ("hard_negative", "subtle"):
        if not isinstance(r.get(key), bool):
            errs.append(f"{key} must be true or false")
    if r.get("hard_negative") is True and label != "none":
        errs.append("hard_negative is only for none rows")
    if r.get("subtle") is True and label != "ai_malevolence":
        errs.append("subtle is only for ai_malevolence rows")
    twin = r.get("twin_of")
    if twin is not None:
        if twin not in labels_by_id:
            errs.append("twin_of names an id that is not in the file")
        elif labels_by_id[twin] == label:
            errs.append("twin_of must point at a row with the other label")
    n, ok, unit = size(r)
    if isinstance(r.get("text"), str) and not ok:
        errs.append(f"length {n} {unit} is outside the brief's range")
    return errs


def check(path, others, evals):
    writer = os.path.basename(path)[:-len(".jsonl")]
    rows, errors = load(path)
    ids = collections.Counter(r.get("id") for _, r in rows)
    labels_by_id = {r.get("id"): r.get("label") for _, r in rows}
    seen = {}
    for n, r in rows:
        where = f"line {n} ({r.get('id')})"
        if ids[r.get("id")] > 1:
            errors.append(f"{where}: duplicate id")
        errors.extend(f"{where}: {e}" for e in row_errors(r, writer, labels_by_id))
        text = r.get("text") or ""
        for s in set(sentences(text, 30)):
            h = digest(s)
            if h in seen and seen[h] != r.get("id"):
                errors.append(f"{where}: sentence also in {seen[h]}: {s[:70]!r}")
            elif h in others:
                errors.append(f"{where}: sentence also in {others[h]} (another writer): {s[:70]!r}")
            seen.setdefault(h, r.get("id"))
        if evals and any(digest(x) in evals for x in
                         [normalise(text)] + list(sentences(text, 25)) + list(shingles(text))):
            errors.append(f"{where}: overlaps the evaluation set; rewrite this row")
    return rows, errors, mix_warnings(writer, [r for _, r in rows])


def mix_warnings(writer, rows):
    if not rows:
        return ["no rows"]
    warn = []
    pos = [r for r in rows if r.get("label") == "ai_malevolence"]
    neg = [r for r in rows if r.get("label") == "none"]
    share = len(pos) / len(rows)
    low, high = (0.33, 0.47) if writer.startswith("m10-") else (0.40, 0.50)
    if not low <= share <= high:
        warn.append(f"positive share {share:.0%} is outside {low:.0%}-{high:.0%}")
    if neg and sum(bool(r.get("hard_negative")) for r in neg) / len(neg) < 0.8:
        warn.append("fewer than 80% of none rows are hard negatives")
    if pos and not 0.25 <= sum(bool(r.get("subtle")) for r in pos) / len(pos) <= 0.6:
        warn.append("subtle positives should be about a third of the positives")
    twins = sum(1 for r in rows if r.get("twin_of"))
    if pos and twins < len(pos) / 3 - 1:
        warn.append(f"{twins} twin pairs; the brief asks for at least a third of the positives")
    return warn


def stats(name, rows):
    labels = collections.Counter(r.get("label") for r in rows)
    langs = collections.Counter(r.get("lang") for r in rows)
    pos = [r for r in rows if r.get("label") == "ai_malevolence"]
    neg = [r for r in rows if r.get("label") == "none"]
    sizes = sorted(size(r)[0] for r in rows) or [0]
    print(f"{name}: {len(rows)} rows; labels {dict(labels)}; subtle {sum(bool(r.get('subtle')) for r in pos)}"
          f"/{len(pos)}; hard negatives {sum(bool(r.get('hard_negative')) for r in neg)}/{len(neg)}; "
          f"twins {sum(1 for r in rows if r.get('twin_of'))}; langs {dict(langs)}; "
          f"length min/median/max {sizes[0]}/{sizes[len(sizes) // 2]}/{sizes[-1]}")


def writer_files():
    return sorted(p for p in glob.glob(os.path.join(HERE, "*.jsonl")) if WRITER_FILE.match(os.path.basename(p)))


def sentence_index(paths):
    """{sentence hash: row id} over the given files."""
    out = {}
    for p in paths:
        for _, r in load(p)[0]:
            for s in sentences(r.get("text") or "", 30):
                out.setdefault(digest(s), r.get("id"))
    return out


def main(paths):
    everything = writer_files()
    paths = paths or everything
    evals = eval_hashes()
    if not evals:
        print("warning: evaluation set not found; overlap not checked")
    bad, all_rows = 0, []
    for p in paths:
        others = sentence_index(q for q in everything if os.path.abspath(q) != os.path.abspath(p))
        rows, errs, warns = check(p, others, evals)
        stats(p, [r for _, r in rows])
        for e in errs[:60]:
            print("  error: " + e)
        if len(errs) > 60:
            print(f"  ... and {len(errs) - 60} more errors")
        for w in warns:
            print("  warning: " + w)
        bad += len(errs)
        all_rows += [r for _, r in rows]
    if len(paths) > 1:
        stats("all", all_rows)
        foreign = sum(1 for r in all_rows if r.get("lang") != "en")
        print(f"not English: {foreign}/{len(all_rows)} ({foreign / max(1, len(all_rows)):.1%}; brief: 15-20%)")
    print("OK" if not bad else f"{bad} error(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
