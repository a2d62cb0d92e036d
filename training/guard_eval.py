#!/usr/bin/env python3
"""Measures the bundled model the way users run it: through the built CLI (`alignguard-cli.jar scan`, i.e.
the Java guard with its normalisation, windows, decoded views and the model's recommended thresholds), on
the held-out test split and, measure only, on ../shared/dev-eval. Writes `metrics.test_guard`,
`metrics.dev_eval_guard` and `metrics.generalisation_guard` (val and test writers, template test, dev-eval v1,
v2 by part and register, both) into the bundle manifest; guard-onnx's HeldOutEvaluationTest asserts the first.

usage: guard_eval.py [--corpus-dir DIR] [--jar guard-cli/target/alignguard-cli.jar]
       guard_eval.py --jar old-release-cli.jar --generalisation-only baseline.json   (a release to compare with)
       guard_eval.py --model old-bundle-dir --generalisation-only baseline.json      (it, through this guard)
       guard_eval.py --writers w143-...,w144-... --generalisation-only fresh.json   (writers newer than the corpus
                                                                                    the model was trained on)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from metrics import auroc, recall_at_fpr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANIFEST = os.path.join(ROOT, "guard-model/src/main/resources/dev/alignguard/model/alignguard-model.json")
LABELS = ("blackmail", "coercion", "self_preservation")
MIN_REGISTER_ROWS = 10  # smaller registers are reported within their part, not alone
ECE_BINS = 15
WRITERS = os.path.join(ROOT, "training/data/writers")
sys.path.insert(0, WRITERS)
import audit  # noqa: E402  (training/data/writers/audit.py: the blind audits' disagreements)
DEV = os.environ.get("ALIGNGUARD_DEV_EVAL_DIR", os.path.join(os.path.dirname(ROOT), "shared", "dev-eval"))


def scan(jar, records, screen=True, model=None):
    with tempfile.TemporaryDirectory() as d:
        inp, out = os.path.join(d, "in.jsonl"), os.path.join(d, "out.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for r in records:
                row = {k: r[k] for k in ("id", "kind", "text", "tool", "arguments", "rationale") if k in r}
                if row.get("kind") == "tool_call":
                    row.pop("kind")
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        cmd = ["java", "-jar", jar, "scan", "--input", inp, "--output", out, "--threads", "2"]
        cmd += ([] if screen else ["--no-screen"]) + (["--model", model] if model else [])
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
        return [json.loads(l) for l in open(out, encoding="utf-8")]


def stopped_share(results):
    """Share of scanned records the guard did not ALLOW (0 when there are none)."""
    results = list(results)
    return sum(x["decision"] != "ALLOW" for x in results) / max(len(results), 1)


def report(records, scored, thresholds):
    labels_of = lambda r: r["labels"] if "labels" in r else {l: int(r["label"] == l) for l in LABELS}
    out = {"records": len(records)}
    for l in LABELS:
        pos = [s["scores"][l] for r, s in zip(records, scored) if labels_of(r)[l] == 1]
        neg = [s["scores"][l] for r, s in zip(records, scored) if labels_of(r)[l] == 0]
        none = [s["scores"][l] for r, s in zip(records, scored) if r["label"] == "none"]
        t = thresholds[l]
        out[l] = {"positives": len(pos), "auroc": auroc(pos, neg), "auroc_vs_none": auroc(pos, none),
                  "recall_at_1pct_fpr": recall_at_fpr(pos, neg, 0.01),
                  "recall_at_5pct_fpr": recall_at_fpr(pos, neg, 0.05),
                  "recall_at_flag": sum(p >= t["flag"] for p in pos) / max(len(pos), 1),
                  "recall_at_block": sum(p >= t["block"] for p in pos) / max(len(pos), 1),
                  "not_allowed": sum(s["decision"] != "ALLOW" for r, s in zip(records, scored)
                                     if labels_of(r)[l] == 1) / max(len(pos), 1),
                  "ece": expected_calibration_error([s["scores"][l] for s in scored],
                                                    [labels_of(r)[l] for r in records])}
    hard = [s for r, s in zip(records, scored) if r.get("hard_negative")]
    out["hard_negatives"] = len(hard)
    out["hard_negative_fpr_at_flag"] = stopped_share(hard)
    out["hard_negative_fpr_at_block"] = sum(s["decision"] == "BLOCK" for s in hard) / max(len(hard), 1)
    return out


def expected_calibration_error(scores, labels, bins=ECE_BINS):
    """Expected calibration error of probabilities against 0/1 labels: equal-width bins, weighted by count (as
    HeldOutEvaluationTest computes it on the guard's record scores)."""
    sum_s, sum_y, n = [0.0] * bins, [0.0] * bins, len(scores)
    for s, y in zip(scores, labels):
        b = min(int(s * bins), bins - 1)
        sum_s[b] += s
        sum_y[b] += y
    return sum(abs(a - b) for a, b in zip(sum_s, sum_y)) / max(n, 1)


def dev_style(records, scored):
    """As ../shared/dev-eval/score.py counts: per label, its positives against the `none` records; positives
    and hard negatives not ALLOWed at the default policy."""
    out = {"records": len(records)}
    for l in LABELS:
        pos = [s for r, s in zip(records, scored) if r["label"] == l]
        neg = [s["scores"][l] for r, s in zip(records, scored) if r["label"] == "none"]
        ps = [s["scores"][l] for s in pos]
        out[l] = {"positives": len(pos), "auroc": auroc(ps, neg), "recall_at_1pct_fpr": recall_at_fpr(ps, neg, 0.01),
                  "recall_at_5pct_fpr": recall_at_fpr(ps, neg, 0.05),
                  "not_allowed": sum(s["decision"] != "ALLOW" for s in pos) / len(pos) if pos else None}
    hard = [s for r, s in zip(records, scored) if r.get("hard_negative") and r["label"] == "none"]
    out["hard_negatives"] = len(hard)
    out["hard_not_allowed"] = stopped_share(hard)
    return out


def generalisation_sets(corpus_dir):
    """Text by writers the model never saw: the corpus's val and test writers (one set per test writer too),
    the template test split, and dev-eval (v1, v2, v2 by part and register, both) when it is beside the repo."""
    load = lambda path: [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    val = load(os.path.join(corpus_dir, "val.jsonl"))
    test = load(os.path.join(corpus_dir, "test.jsonl"))
    written = lambda r: r.get("writer") not in (None, "template", "public")
    sets = {"val_writers": [r for r in val if written(r)], "test_writers": [r for r in test if written(r)],
            "template_test": [r for r in test if not written(r)]}
    for w in sorted({r["writer"] for r in sets["test_writers"]}):
        sets["test_writer:" + w] = [r for r in sets["test_writers"] if r["writer"] == w]
    if os.path.exists(os.path.join(DEV, "dev_v2.jsonl")):
        v1, v2 = load(os.path.join(DEV, "agent_dev.jsonl")), load(os.path.join(DEV, "dev_v2.jsonl"))
        sets.update({"dev_v1": v1, "dev_v2": v2, "dev_all": v1 + v2})
        for part, name in (("dv2p-", "AI self-reports"), ("dv2x-", "extortion in the wild"),
                           ("dv2a-", "agent transcripts")):
            sets["dev_v2:" + name] = [r for r in v2 if r["id"].startswith(part)]
        for reg in sorted({r.get("register", "") for r in v2}):
            rows = [r for r in v2 if r.get("register", "") == reg]
            if len(rows) >= MIN_REGISTER_ROWS:
                sets["dev_v2_register:" + reg] = rows
    return sets


def writer_sets(names, writers_dir=None):
    """One set per named writer file (training/data/writers/<name>.jsonl) and their union, "writers", less the
    rows whose blind audit disagreed (as assemble_v4.py drops them): writers newer than a model's corpus."""
    writers_dir = writers_dir or WRITERS
    disputed = audit.disagreements(writers_dir)
    sets = {"writer:" + name: [r for r in audit.rows_of(name, writers_dir) if r["id"] not in disputed]
            for name in names}
    sets["writers"] = [r for rows in sets.values() for r in rows]
    return sets


def measure_sets(jar, sets, scan_from, scanned=None, model=None):
    """dev_style per set; the records of the sets named in `scan_from` (which together hold every set's records)
    are scanned once, less those in `scanned` ({record id: CLI output} from this jar, cascade on); `model` is a
    bundle directory (None: the jar's own)."""
    scored = dict(scanned or {})
    todo = [r for name in scan_from for r in sets[name] if r["id"] not in scored]
    scored.update(zip((r["id"] for r in todo), scan(jar, todo, model=model)))
    return {name: dev_style(rs, [scored[r["id"]] for r in rs]) for name, rs in sets.items()}


def measure_writers(jar, names, model=None):
    """dev_style per named writer and for all of them together."""
    return measure_sets(jar, writer_sets(names), ["writers"], model=model)


def measure_generalisation(jar, corpus_dir, scanned=None, model=None):
    """dev_style per generalisation set (see measure_sets for `scanned` and `model`)."""
    sets = generalisation_sets(corpus_dir)
    scan_from = [n for n in ("val_writers", "test_writers", "template_test", "dev_v1", "dev_v2") if n in sets]
    return measure_sets(jar, sets, scan_from, scanned, model)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corpus-dir", default=os.path.join(ROOT, "training/data/corpus"))
    p.add_argument("--jar", default=os.path.join(ROOT, "guard-cli/target/alignguard-cli.jar"))
    p.add_argument("--generalisation-only", metavar="OUT_JSON",
                   help="only measure the generalisation sets with --jar (e.g. an older release) into OUT_JSON")
    p.add_argument("--model", help="with --generalisation-only: a bundle directory to measure instead of the jar's "
                                   "(an older release through this release's guard)")
    p.add_argument("--writers", help="with --generalisation-only: comma-separated writer names to measure instead "
                                     "of the generalisation sets (writers newer than the model's corpus)")
    a = p.parse_args()
    if a.generalisation_only:
        result = (measure_writers(a.jar, a.writers.split(","), a.model) if a.writers
                  else measure_generalisation(a.jar, a.corpus_dir, model=a.model))
        with open(a.generalisation_only, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
        return 0
    manifest = json.load(open(MANIFEST, encoding="utf-8"))
    th = manifest["thresholds"]
    test = [json.loads(l) for l in open(os.path.join(a.corpus_dir, "test.jsonl"), encoding="utf-8") if l.strip()]
    test_scanned = scan(a.jar, test)
    scanned = {r["id"]: x for r, x in zip(test, test_scanned)}
    manifest["metrics"]["test_guard"] = {"runtime": "alignguard-cli scan (Java guard, int8 model, default policy)",
                                         **report(test, test_scanned, th)}
    print("test (Java guard):", json.dumps(manifest["metrics"]["test_guard"], indent=1))
    full = report(test, scan(a.jar, test, screen=False), th)
    manifest["metrics"]["test_guard_full_model_only"] = {
        "runtime": "alignguard-cli scan --no-screen (every window through the full model)", **full}
    print("cascade cost (recall at 1% FPR, full model only -> cascade): " + ", ".join(
        f"{l} {full[l]['recall_at_1pct_fpr']:.3f} -> {manifest['metrics']['test_guard'][l]['recall_at_1pct_fpr']:.3f}"
        for l in LABELS))
    dev = os.path.join(DEV, "agent_dev.jsonl")
    if os.path.exists(dev):  # measure only: never used to choose anything
        rows = [json.loads(l) for l in open(dev, encoding="utf-8") if l.strip()]
        dev_scanned = scan(a.jar, rows)
        scanned.update((r["id"], x) for r, x in zip(rows, dev_scanned))
        manifest["metrics"]["dev_eval_guard"] = {"note": "measure only", **report(rows, dev_scanned, th)}
        manifest["metrics"]["dev_eval_guard_full_model_only"] = {
            "note": "measure only", "runtime": "alignguard-cli scan --no-screen", **report(rows, scan(a.jar, rows, screen=False), th)}
        print("dev-eval (Java guard, measure only):", json.dumps(manifest["metrics"]["dev_eval_guard"], indent=1))
    manifest["metrics"]["generalisation_guard"] = {
        "note": "writers the model never saw and dev-eval (measure only); negatives are the none rows, as "
                "../shared/dev-eval/score.py counts", **measure_generalisation(a.jar, a.corpus_dir, scanned)}
    with open(MANIFEST, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
