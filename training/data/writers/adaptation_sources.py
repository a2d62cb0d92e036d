#!/usr/bin/env python3
"""Source rows for the adaptation writers (round 20): English rows of the training writers that a writer re-writes
in another language, keeping each row's label, so that what the model learned from a hundred English voices is
also shown in the languages it misses most (self_preservation outside English: 4 of 17 caught on dev-eval).

  python3 adaptation_sources.py WRITER=LANG:SHARE,LANG:SHARE... [WRITER=...] [--seed 20]

writes sources/<WRITER>.jsonl: per writer 60 opposite-stance pairs (a self_preservation row and its `none` twin),
30 more self_preservation rows, 45 blackmail, 45 coercion and 60 hard negatives, shuffled, each with the
`target_lang` it is to be written in (a pair shares one) in the proportions given. Only English rows of
training writers are drawn (never a validation, test or reserved writer: an adaptation trains, and it must not
carry a held-out voice into train), at most 700 characters, none whose blind audit disputed its label, and no
row is given to two writers (nor a row that a lower-numbered writer's file in sources/ holds). Deterministic
for a given seed and arguments. Round 20's and round 21's sources:

  python3 adaptation_sources.py w119-adapt-de-nl-pl-tr=de:0.35,nl:0.2,pl:0.25,tr:0.2 \
      w120-adapt-fr-it-es-pt=fr:0.25,it:0.25,es:0.25,pt:0.25 w121-adapt-ko-ja=ko:0.5,ja:0.5 \
      w122-adapt-zh-ru-uk=zh:0.5,ru:0.3,uk:0.2
  python3 adaptation_sources.py w123-adapt-zh=zh:1 w124-adapt-ja-ko=ja:0.5,ko:0.5 \
      w125-adapt-de-es-it=de:0.4,es:0.3,it:0.3 w126-adapt-fr-pt-nl-pl-tr=fr:0.25,pt:0.25,nl:0.2,pl:0.15,tr:0.15
"""
import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import audit  # noqa: E402
from assemble_v4 import RESERVED_WRITERS, WRITER_SPLITS, writer_number  # noqa: E402

PAIRS, SP_SINGLES, BLACKMAIL, COERCION, HARD_NEGATIVES = 60, 30, 45, 45, 60
MAX_CHARS = 700
FIELDS = ("id", "label", "hard_negative", "kind", "register", "text", "tool", "arguments", "rationale",
          "rationale_label")


def size(r):
    return len(json.dumps({k: r[k] for k in ("text", "tool", "arguments", "rationale") if k in r},
                          ensure_ascii=False))


def eligible_rows():
    """English rows of the training writers, short enough, label not disputed by the audit."""
    held = set(WRITER_SPLITS) | set(RESERVED_WRITERS)
    disputed = audit.disagreements()
    rows = []
    for name in sorted(os.listdir(HERE)):
        writer = name[:-len(".jsonl")]
        if not (name.endswith(".jsonl") and re.match(r"w\d+-", writer)) or writer in held:
            continue
        rows += [r for r in audit.rows_of(writer) if r.get("lang") == "en" and r["id"] not in disputed
                 and size(r) <= MAX_CHARS]
    return rows


def languages(spec, n):
    """["de", "de", ..., "nl", ...] of length n from "de:0.3,nl:0.7" (shares) in order."""
    parts = [(lang, float(share)) for lang, share in (p.split(":") for p in spec.split(","))]
    total = sum(s for _, s in parts)
    out = []
    for i, (lang, share) in enumerate(parts):
        k = n - len(out) if i == len(parts) - 1 else round(n * share / total)
        out += [lang] * k
    return out


def draw(rows, rng, used):
    """One writer's units: lists of one row, or of two rows (a self_preservation row and its none twin)."""
    by_id = {r["id"]: r for r in rows}
    free = [r for r in rows if r["id"] not in used]
    pairs = [(r, by_id[r["twin_of"]]) for r in free
             if r["label"] == "self_preservation" and r.get("twin_of") in by_id
             and by_id[r["twin_of"]]["label"] == "none" and r["twin_of"] not in used]
    units = [list(p) for p in rng.sample(pairs, PAIRS)]
    taken = {r["id"] for u in units for r in u}
    for label, n, cond in (("self_preservation", SP_SINGLES, lambda r: True),
                           ("blackmail", BLACKMAIL, lambda r: True), ("coercion", COERCION, lambda r: True),
                           ("none", HARD_NEGATIVES, lambda r: r.get("hard_negative"))):
        pool = [r for r in free if r["label"] == label and cond(r) and r["id"] not in taken]
        units += [[r] for r in rng.sample(pool, n)]
        taken.update(r["id"] for u in units[-n:] for r in u)
    rng.shuffle(units)
    used.update(taken)
    return units


def earlier_sources(writers):
    """Ids of the source rows that writers numbered below these hold in sources/ (earlier rounds), so a round
    rebuilt later gets the rows it got the first time."""
    out = set()
    first = min(writer_number(w) for w in writers)
    folder = os.path.join(HERE, "sources")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith(".jsonl") and writer_number(name[:-len(".jsonl")]) < first:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                out.update(json.loads(line)["id"] for line in f if line.strip())
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("writers", nargs="+", help="WRITER=LANG:SHARE,LANG:SHARE")
    ap.add_argument("--seed", type=int, default=20)
    a = ap.parse_args(argv)
    rows = eligible_rows()
    os.makedirs(os.path.join(HERE, "sources"), exist_ok=True)
    used = earlier_sources({spec.split("=")[0] for spec in a.writers})
    for spec in a.writers:
        writer, langs = spec.split("=")
        rng = random.Random(f"{a.seed}:{writer}")
        units = draw(rows, rng, used)
        targets = languages(langs, len(units))
        rng.shuffle(targets)
        with open(os.path.join(HERE, "sources", writer + ".jsonl"), "w", encoding="utf-8") as f:
            for unit, lang in zip(units, targets):
                for r in unit:
                    out = {k: r[k] for k in FIELDS if k in r}
                    if len(unit) == 2:
                        out["twin_of"] = unit[1]["id"] if r is unit[0] else unit[0]["id"]
                    f.write(json.dumps(dict(out, target_lang=lang), ensure_ascii=False) + "\n")
        print(f"{writer}: {sum(len(u) for u in units)} rows in {len(units)} units, languages {langs}")


if __name__ == "__main__":
    main()
