#!/usr/bin/env python3
"""Compares candidate models (encoder, recipe, corpus round) by the selection rule of corpus v4 and writes
training/reports/candidates.md: dev-eval (both sets, measure only) and the held-out writers decide; the
template test split is a regression check. Each candidate is a select_report.py / probe.py JSON:

  python3 training/select_report.py --model training/work/model.pt --json training/work/sel-full.json
  python3 training/probe.py --json training/work/sel-probe.json
  python3 training/compare_candidates.py "fine-tuned, 1 layer frozen=training/work/sel-full.json" \\
      "frozen encoder + linear head=training/work/sel-probe.json"

Selection score = mean over the three labels of AUROC on dev_all and on the test writers (equal weight).
Hand-written notes live from the line `## Notes` to the end of the page; a rewrite keeps them as they are.
`--keep-rows` also keeps the table rows of candidates not named on the command line (their JSONs may be gone),
so a new candidate can be added beside the old ones.
"""
import argparse
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ("blackmail", "coercion", "self_preservation")
SETS = ("dev_all", "test_writers", "val_writers", "template_test")
NOTES = "## Notes"


def kept_notes(path):
    """The hand-written tail of an existing page (from the `## Notes` line on), or [] when there is none."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        lines = f.read().split("\n")
    return lines[lines.index(NOTES):] if NOTES in lines else []


def kept_rows(path):
    """{set: [(selection score, candidate name, table line)]} from an existing page's tables."""
    rows = {}
    if not os.path.exists(path):
        return rows
    section = None
    with open(path) as f:
        for line in f.read().split("\n"):
            if line == NOTES:
                break
            if line.startswith("## "):
                section = line[3:].strip()
            elif section and line.startswith("| ") and not line.startswith("| candidate |"):
                cells = [c.strip() for c in line.strip("|").split("|")]
                rows.setdefault(section, []).append((float(cells[1]), cells[0], line))
    return rows


def selection_score(rep):
    vals = [rep["sets"][s][l]["auroc"] for s in ("dev_all", "test_writers") for l in LABELS
            if s in rep["sets"] and rep["sets"][s][l]["auroc"] is not None]
    return sum(vals) / len(vals) if vals else float("nan")


def cell(m, l):
    a, r = m[l]["auroc"], m[l]["recall_5"]
    return "-" if a is None else f"{a:.3f} / {r:.3f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("candidates", nargs="+", help="name=path.json")
    ap.add_argument("--out", default=os.path.join(HERE, "reports", "candidates.md"))
    ap.add_argument("--keep-rows", action="store_true", help="keep the rows of candidates not named here")
    a = ap.parse_args(argv)
    reps = []
    for c in a.candidates:
        name, path = c.rsplit("=", 1)
        with open(path) as f:
            reps.append((name, json.load(f)))
    names = {name for name, _ in reps}
    old = {s: [row for row in rows if row[1] not in names] for s, rows in kept_rows(a.out).items()} if a.keep_rows \
        else {}
    lines = ["# Candidate models (corpus v4)", "",
             "Chosen by the mean AUROC over the three labels on `../shared/dev-eval` (both sets, measure only: never "
             "trained on, never used for thresholds) and on the held-out test writers. Cells: AUROC / recall at 5% "
             "FPR against the `none` rows, as `../shared/dev-eval/score.py` counts. Hard negatives: share not "
             "ALLOWed at flag thresholds fitted on the validation writers (3% FPR per label). Written by "
             "`training/compare_candidates.py`.", ""]
    for s in SETS:
        rows = list(old.get(s, []))
        for name, r in reps:
            if s not in r["sets"]:
                continue
            m = r["sets"][s]
            hn = "-" if m.get("hard_not_allowed") is None else f"{m['hard_not_allowed']:.3f} of {m['hard_negatives']}"
            score = selection_score(r)
            rows.append((round(score, 3), name, f"| {name} | {score:.3f} | "
                         + " | ".join(cell(m, l) for l in LABELS) + f" | {hn} |"))
        if not rows:
            continue
        lines += [f"## {s}", "", "| candidate | selection score | " + " | ".join(LABELS) + " | hard negatives not ALLOWed |",
                  "|---|---|---|---|---|---|"]
        lines += [line for _, _, line in sorted(rows, key=lambda row: -row[0])]
        lines.append("")
    lines += kept_notes(a.out)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
