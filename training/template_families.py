#!/usr/bin/env python3
"""The template test split per family, beside older releases: for each v3 template family of the held-out test
split (one label per family), the share of its records that each model does not ALLOW through the built CLI at
its default policy. The template split measures the template grammar, so it is a regression check, not a quality
measure (issue #14); a family whose share drops between releases is a regression on that grammar.

  /usr/bin/python3 training/template_families.py --corpus-dir training/work/corpus \\
      --model 0.3.1=/tmp/bundle-0.3.1 --model 0.6.0=bundled --out training/reports/template-families.md
(`bundled` = the model inside the CLI jar; another value is a bundle directory, e.g. one extracted from git.)
"""
import argparse
import collections
import json
import os

import guard_eval


def template_rows(corpus_dir):
    with open(os.path.join(corpus_dir, "test.jsonl"), encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if r.get("writer") == "template"]


def family_table(records, stopped_by_model):
    """[(family, label, n, {model: share not ALLOWed})], positive families first, then by family name."""
    fam = collections.defaultdict(list)
    for i, r in enumerate(records):
        fam[(r["family"], r["label"])].append(i)
    rows = []
    for (family, label), idx in fam.items():
        shares = {m: sum(stopped[i] for i in idx) / len(idx) for m, stopped in stopped_by_model.items()}
        rows.append((family, label, len(idx), shares))
    return sorted(rows, key=lambda x: (x[1] == "none", x[1], x[0]))


def markdown(rows, models):
    out = ["# Template test split per family (regression check, not a quality measure)", "",
           "Share of each family's held-out records the guard does not ALLOW (built CLI, default policy). For a "
           "positive family that is its recall; for a `none` family the share stopped wrongly.", "",
           "| family | label | records | " + " | ".join(models) + " |", "|---|---|---:|" + "---:|" * len(models)]
    for family, label, n, shares in rows:
        out.append(f"| {family} | {label} | {n} | " + " | ".join(f"{shares[m]:.2f}" for m in models) + " |")
    for side in ("positive", "none"):
        pick = [r for r in rows if (r[1] == "none") == (side == "none")]
        total = sum(r[2] for r in pick)
        means = {m: sum(r[3][m] * r[2] for r in pick) / max(total, 1) for m in models}
        out.append(f"| **all {side} families** | | {total} | " + " | ".join(f"**{means[m]:.3f}**" for m in models)
                   + " |")
    return "\n".join(out) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus-dir", default=os.path.join(guard_eval.ROOT, "training/work/corpus"))
    ap.add_argument("--jar", default=os.path.join(guard_eval.ROOT, "guard-cli/target/alignguard-cli.jar"))
    ap.add_argument("--model", action="append", required=True, help="NAME=DIR or NAME=bundled; repeat")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    records = template_rows(a.corpus_dir)
    stopped = {}
    for spec in a.model:
        name, where = spec.split("=", 1)
        scored = guard_eval.scan(a.jar, records, model=None if where == "bundled" else where)
        stopped[name] = [s["decision"] != "ALLOW" for s in scored]
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(markdown(family_table(records, stopped), list(stopped)))
    print(open(a.out, encoding="utf-8").read()[-600:])


if __name__ == "__main__":
    main()
