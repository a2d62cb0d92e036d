#!/usr/bin/env python3
"""Blind label audit of the writers' rows (BRIEF.md): a second writer labels a random sample of each writer
from the content alone; agreement is reported and rows the auditor labels differently are dropped by
assemble_v4.py.

  python3 audit.py sample [--n 100] [--seed 7] WRITER...   writes audit/<writer>.blind.jsonl (no labels, no
                                                            register, no twin links: only what a host sends)
  python3 audit.py score                                   reads audit/<writer>.labels.jsonl ({"id", "label",
                                                            "auditor"} per line), writes audit/summary.json
  --dir DIR (before the command) audits another corpus folder laid out the same way (<writer>.jsonl beside
  an audit/ folder), e.g. ../malevolence.
"""
import argparse
import collections
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = ("id", "kind", "lang", "text", "tool", "arguments", "rationale")


def rows_of(writer, corpus=HERE):
    with open(os.path.join(corpus, writer + ".jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sample(writers, n, seed, corpus=HERE):
    audit_dir = os.path.join(corpus, "audit")
    os.makedirs(audit_dir, exist_ok=True)
    for w in writers:
        rows = rows_of(w, corpus)
        picked = random.Random(f"{seed}:{w}").sample(rows, min(n, len(rows)))
        with open(os.path.join(audit_dir, w + ".blind.jsonl"), "w", encoding="utf-8") as f:
            for r in picked:
                f.write(json.dumps({k: r[k] for k in CONTENT if k in r}, ensure_ascii=False) + "\n")
        print(f"{w}: {len(picked)} rows to audit")


def disagreements(corpus=HERE):
    """{row id: auditor's label} for every audited row whose audit label differs from the writer's."""
    out = {}
    for name, truth, audit in _pairs(corpus):
        for i, label in audit.items():
            if i in truth and truth[i] != label:
                out[i] = label
    return out


def _pairs(corpus):
    audit_dir = os.path.join(corpus, "audit")
    if not os.path.isdir(audit_dir):
        return
    for name in sorted(os.listdir(audit_dir)):
        if not name.endswith(".labels.jsonl"):
            continue
        writer = name[:-len(".labels.jsonl")]
        truth = {r["id"]: r["label"] for r in rows_of(writer, corpus)}
        with open(os.path.join(audit_dir, name), encoding="utf-8") as f:
            audit = {r["id"]: r["label"] for r in (json.loads(line) for line in f if line.strip())}
        yield writer, truth, audit


def score(corpus=HERE):
    summary = {}
    total, agree = 0, 0
    for writer, truth, audit in _pairs(corpus):
        common = [i for i in audit if i in truth]
        ok = sum(truth[i] == audit[i] for i in common)
        confusion = collections.Counter(f"{truth[i]}->{audit[i]}" for i in common if truth[i] != audit[i])
        summary[writer] = {"audited": len(common), "agree": ok, "agreement": ok / max(1, len(common)),
                           "disagreements": dict(confusion)}
        total += len(common)
        agree += ok
        print(f"{writer:24s} {ok}/{len(common)} agree ({ok / max(1, len(common)):.1%}) {dict(confusion)}")
    summary["_all"] = {"audited": total, "agree": agree, "agreement": agree / max(1, total)}
    print(f"all: {agree}/{total} ({agree / max(1, total):.1%})")
    with open(os.path.join(corpus, "audit", "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=HERE, help="corpus folder (default: this one)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("writers", nargs="+")
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=7)
    sub.add_parser("score")
    a = ap.parse_args(argv)
    if a.cmd == "sample":
        sample(a.writers, a.n, a.seed, os.path.abspath(a.dir))
    else:
        score(os.path.abspath(a.dir))


if __name__ == "__main__":
    sys.exit(main())
