#!/usr/bin/env python3
"""Calibrates thresholds on val and measures the classifier; writes training/work/metrics.json.

Scoring is per record, like the Java guard: a tool call's payload and rationale are scored separately and
the record's score per label is the max of the two.

Stage `torch` (PyTorch fp32 checkpoint):
  - thresholds per label, on val: for label k every benign hard-negative record is a negative; flag = the
    score that `rate` of them reach, require_approval = rate / 2, block = rate / 4 (midpoint between the
    neighbouring negative scores), clamped to [0.05, 0.99], flag <= require_approval <= block. The rate is
    chosen by leaving one validation writer out (`choose_flag_rate`): the most permissive rate whose thresholds
    stop at most 8% of the left-out writer's hard negatives, on average.
  - test: per label AUROC, recall at 1% FPR (threshold from the test negatives), precision / recall / FPR at
    each threshold; the same on hard negatives alone (FPR); per kind and per language; obfuscation probes
    (perturbed test positives: recall at the flag threshold).
  - dev_eval: if /work/shared/dev-eval/agent_dev.jsonl exists it is scored and reported the same way.
    MEASURE ONLY: it is never used for thresholds, epochs or anything else, and its texts are not printed.
Stage `onnx`: scores the test split (and dev-eval) with the exported fp32 and int8 ONNX models through ONNX
Runtime Java (tools/OrtCheck.java) using the thresholds from stage `torch`; adds `test_fp32`, `test_int8`,
`dev_eval_int8` and the max abs differences to metrics.json.
"""
import argparse
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402

from metrics import label_auroc, recall_at_fpr  # noqa: E402
from texts import LABELS, items_from_records, labels_of, load_jsonl  # noqa: E402

DEV_EVAL = os.environ.get("ALIGNGUARD_DEV_EVAL", "/work/shared/dev-eval/agent_dev.jsonl")
# Each level's threshold stops this share of the flag rate of the validation hard negatives, per label.
LEVEL_SHARE = {"flag": 1.0, "require_approval": 0.5, "block": 0.25}
# Candidate flag rates (per label, share of the validation hard negatives at or over flag), most permissive first.
FLAG_RATES = (0.03, 0.025, 0.02, 0.015, 0.0125, 0.01, 0.0075, 0.005)
DEFAULT_FLAG_RATE = 0.02
# The share of an unseen writer's hard negatives that may be stopped (any label at flag): the generalisation
# issue's "hard negatives not ALLOWed <= 8%".
HELD_OUT_TARGET = 0.08
TEMPLATE_WRITERS = ("", "template", "public")


# ------------------------------------------------------------------------------------------------ metrics
def threshold_at_fpr(neg_scores, fpr):
    s = np.sort(np.asarray(neg_scores, dtype=np.float64))[::-1]
    if len(s) == 0:
        return 0.5
    allowed = int(np.floor(fpr * len(s) + 1e-9))
    if allowed >= len(s):
        return float(s[-1])
    if allowed == 0:
        return float(s[0] + (1.0 - s[0]) * 0.5)
    return float((s[allowed] + s[allowed - 1]) / 2.0)


def calibrate(y, s, hard, flag_rate=DEFAULT_FLAG_RATE):
    """Thresholds per label at target false-positive rates on the val HARD negatives (benign text that shares
    vocabulary and tone with the positives: the false positives a security team sees). Records of the other
    positive labels are not negatives here: scoring a blackmail e-mail high for coercion too still stops a
    harmful action, so it must not push thresholds up."""
    th = {}
    benign = (y.sum(axis=1) == 0) & hard
    for k, l in enumerate(LABELS):
        neg = s[benign, k]
        t = {name: min(0.99, max(0.05, threshold_at_fpr(neg, flag_rate * share)))
             for name, share in LEVEL_SHARE.items()}
        t["require_approval"] = max(t["require_approval"], t["flag"])
        t["block"] = max(t["block"], t["require_approval"])
        th[l] = {k2: round(v, 4) for k2, v in t.items()}
    return th


def stopped_share(s, th, level="flag"):
    """Share of rows with any label at or over its `level` threshold (at flag: what the policy does not ALLOW)."""
    hit = np.zeros(len(s), dtype=bool)
    for k, l in enumerate(LABELS):
        hit |= s[:, k] >= th[l][level]
    return float(hit.mean()) if len(s) else None


def held_out_writer_rates(y, s, hard, writers, flag_rate):
    """Leave one validation writer out: thresholds fitted on every other val row at `flag_rate`, then the share
    of the left-out writer's hard negatives they stop. Estimates what the rule does to a writer it never saw."""
    benign_hard = (y.sum(axis=1) == 0) & hard
    out = {}
    for w in sorted(set(writers[benign_hard]) - set(TEMPLATE_WRITERS)):
        rest = writers != w
        th = calibrate(y[rest], s[rest], hard[rest], flag_rate)
        out[w] = stopped_share(s[benign_hard & (writers == w)], th)
    return out


def choose_flag_rate(y, s, hard, writers, target=HELD_OUT_TARGET):
    """The threshold rule: the most permissive of FLAG_RATES whose thresholds, fitted without a validation
    writer, stop at most `target` of that writer's hard negatives on average over the validation writers.
    A rate checked on the writers it was fitted on understates what other writers' hard negatives meet, so the
    rate is chosen on writers the fit did not see. With fewer than
    two validation writers there is nothing to leave out and the rate is DEFAULT_FLAG_RATE."""
    table = {rate: held_out_writer_rates(y, s, hard, writers, rate) for rate in FLAG_RATES}
    if len(table[FLAG_RATES[0]]) < 2:
        return DEFAULT_FLAG_RATE, table
    mean = {rate: float(np.mean(list(per.values()))) for rate, per in table.items()}
    fits = [rate for rate in FLAG_RATES if mean[rate] <= target]
    return (max(fits) if fits else min(FLAG_RATES)), table


def at_threshold(y, s, t):
    y = np.asarray(y, dtype=bool)
    pred = np.asarray(s) >= t
    tp, fp = int((pred & y).sum()), int((pred & ~y).sum())
    fn, tn = int((~pred & y).sum()), int((~pred & ~y).sum())
    return {"threshold": t, "precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None,
            "fpr": fp / (fp + tn) if fp + tn else None, "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def label_metrics(y, s, th):
    out = {}
    for k, l in enumerate(LABELS):
        yk, sk = y[:, k], s[:, k]
        m = {"positives": int(yk.sum()), "negatives": int((1 - yk).sum()), "auroc": label_auroc(yk, sk),
             "recall_at_1pct_fpr": recall_at_fpr(sk[yk == 1], sk[yk == 0], 0.01)}
        for name in LEVEL_SHARE:
            m[name] = at_threshold(yk, sk, th[l][name])
        out[l] = m
    aucs = [out[l]["auroc"] for l in LABELS if out[l]["auroc"] is not None]
    out["macro_auroc"] = float(np.mean(aucs)) if aucs else None
    return out


def any_label(y, s, th, level):
    """Record flagged on any label at `level` vs record positive on any label."""
    pos = y.max(1) > 0
    hit = np.zeros(len(y), dtype=bool)
    for k, l in enumerate(LABELS):
        hit |= s[:, k] >= th[l][level]
    correct = np.array([(s[i, k] >= th[l][level]) for i in range(len(y)) for k, l in enumerate(LABELS)
                        if y[i, k] > 0], dtype=bool) if pos.any() else np.array([])
    return {"records": int(len(y)), "positive_records": int(pos.sum()),
            "detected_any_label": float(hit[pos].mean()) if pos.any() else None,
            "detected_own_label": float(correct.mean()) if len(correct) else None,
            "negative_fpr_any_label": float(hit[~pos].mean()) if (~pos).any() else None}


def negatives_fpr(s, th):
    out = {"count": int(len(s))}
    if not len(s):
        return out
    for level in LEVEL_SHARE:
        per = {l: float((s[:, k] >= th[l][level]).mean()) for k, l in enumerate(LABELS)}
        per["any_label"] = stopped_share(s, th, level)
        out[f"fpr_at_{level}"] = per
    return out


def group_metrics(recs, y, s, th, key):
    groups = {}
    for i, r in enumerate(recs):
        groups.setdefault(str(r.get(key)), []).append(i)
    out = {}
    for g, idx in sorted(groups.items()):
        idx = np.array(idx)
        yg, sg = y[idx], s[idx]
        m = {"records": int(len(idx))}
        for k, l in enumerate(LABELS):
            yk = yg[:, k] > 0
            mk = {"positives": int(yk.sum()), "auroc": label_auroc(yk, sg[:, k])}
            if yk.any():
                mk["recall_at_flag"] = float((sg[yk, k] >= th[l]["flag"]).mean())
                mk["recall_at_block"] = float((sg[yk, k] >= th[l]["block"]).mean())
            if (~yk).any():
                mk["fpr_at_flag"] = float((sg[~yk, k] >= th[l]["flag"]).mean())
                mk["fpr_at_block"] = float((sg[~yk, k] >= th[l]["block"]).mean())
            m[l] = mk
        m["any_label"] = any_label(yg, sg, th, "flag")
        out[g] = m
    return out


def full_report(recs, y, s, th, with_groups=True):
    rep = {"records": len(recs), "per_label": label_metrics(y, s, th),
           "any_label_at_flag": any_label(y, s, th, "flag"), "any_label_at_block": any_label(y, s, th, "block")}
    hn = np.array([bool(r.get("hard_negative")) and y[i].max() == 0 for i, r in enumerate(recs)], dtype=bool)
    rep["hard_negatives"] = negatives_fpr(s[hn], th)
    bn = np.array([not bool(r.get("hard_negative")) and y[i].max() == 0 for i, r in enumerate(recs)], dtype=bool)
    rep["benign_negatives"] = negatives_fpr(s[bn], th)
    if with_groups:
        rep["per_kind"] = group_metrics(recs, y, s, th, "kind")
        if len({r.get("lang") for r in recs}) > 1:
            rep["per_lang"] = group_metrics(recs, y, s, th, "lang")
    return rep


# ------------------------------------------------------------------------------------------------ scoring
def score_records_torch(model, recs, batch=64):
    items = items_from_records(recs)
    seqs = common.encode_texts([it["text"] for it in items])
    p = common.predict_ids(model, seqs, batch)
    return common.record_scores(items, p, len(recs)), items, seqs, p


def score_records_onnx(path, recs):
    import ortcheck
    items = items_from_records(recs)
    seqs = common.encode_texts([it["text"] for it in items])
    p = ortcheck.run(path, seqs, batch=16)
    return common.record_scores(items, p, len(recs)), items, seqs, p


# ------------------------------------------------------------------------------------------------ obfuscation
_HOMO = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і"}
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"}
_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def _perturb(text, how, rng):
    words = text.split(" ")
    if how == "zero_width":
        return "\u200b".join(text[i:i + 3] for i in range(0, len(text), 3))
    if how == "fullwidth":
        return "".join(_FULL.get(c, c) for c in text)
    if how == "uppercase":
        return text.upper()
    if how == "extra_whitespace":
        return "  \n\t ".join(words)
    if how == "homoglyph_cyrillic":
        return "".join(_HOMO[c] if c in _HOMO and rng.random() < 0.3 else c for c in text)
    if how == "leetspeak":
        return "".join(_LEET[c] if c in _LEET and rng.random() < 0.3 else c for c in text)
    if how == "char_spacing":
        return " ".join(w if len(w) < 5 or rng.random() > 0.3 else " ".join(w) for w in words)
    raise ValueError(how)


OBFUSCATIONS = ["zero_width", "fullwidth", "uppercase", "extra_whitespace", "homoglyph_cyrillic", "leetspeak",
                "char_spacing"]


def obfuscation_report(model, recs, y, th, max_records=300, seed=7):
    """Recall at the flag threshold on perturbed test positives (plan/output/message text, tool payload values)."""
    rng = random.Random(seed)
    pos = [i for i in range(len(recs)) if y[i].max() > 0]
    rng.shuffle(pos)
    pos = sorted(pos[:max_records])
    sub = [recs[i] for i in pos]
    ysub = y[pos]
    base, _, _, _ = score_records_torch(model, sub)

    def hit_rate(s):
        h = [s[i, k] >= th[l]["flag"] for i in range(len(sub)) for k, l in enumerate(LABELS) if ysub[i, k] > 0]
        return float(np.mean(h)) if h else None

    out = {"records": len(sub), "clean_recall_at_flag": hit_rate(base)}
    for how in OBFUSCATIONS:
        prng = random.Random(seed)
        pert = []
        for r in sub:
            r2 = dict(r)
            if r.get("kind") == "tool_call":
                r2["arguments"] = json.loads(json.dumps(r.get("arguments") or {}, default=str),
                                             object_hook=lambda d: {k: (_perturb(v, how, prng) if isinstance(v, str) else v)
                                                                    for k, v in d.items()})
                if r.get("rationale"):
                    r2["rationale"] = _perturb(r["rationale"], how, prng)
            else:
                r2["text"] = _perturb(r.get("text") or "", how, prng)
            pert.append(r2)
        s, _, _, _ = score_records_torch(model, pert)
        out[how] = {"recall_at_flag": hit_rate(s), "mean_abs_score_change": float(np.abs(s - base)[ysub > 0].mean())}
    return out


# ------------------------------------------------------------------------------------------------ main
def load_split(corpus, name):
    recs = load_jsonl(os.path.join(corpus, f"{name}.jsonl"))
    return recs, np.array([labels_of(r) for r in recs], dtype=np.float64)


def compact(rep):
    """Headline numbers of a report (for test_fp32 / test_int8 comparisons)."""
    pl = rep["per_label"]
    return {"macro_auroc": pl["macro_auroc"],
            **{l: {"auroc": pl[l]["auroc"], "recall_at_1pct_fpr": pl[l]["recall_at_1pct_fpr"],
                   "precision_at_block": pl[l]["block"]["precision"], "recall_at_block": pl[l]["block"]["recall"],
                   "precision_at_flag": pl[l]["flag"]["precision"], "recall_at_flag": pl[l]["flag"]["recall"]}
               for l in LABELS},
            "hard_negative_fpr_any_label_at_flag": rep["hard_negatives"].get("fpr_at_flag", {}).get("any_label"),
            "hard_negative_fpr_any_label_at_block": rep["hard_negatives"].get("fpr_at_block", {}).get("any_label")}


def print_summary(title, rep):
    pl = rep["per_label"]
    print(f"--- {title}: {rep['records']} records, macro AUROC {pl['macro_auroc']:.4f}")
    for l in LABELS:
        m = pl[l]
        f = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
        print(f"  {l:18s} pos {m['positives']:4d} AUROC {f(m['auroc'])} R@1%FPR {f(m['recall_at_1pct_fpr'])} | "
              f"flag P {f(m['flag']['precision'])} R {f(m['flag']['recall'])} | block P {f(m['block']['precision'])} "
              f"R {f(m['block']['recall'])}")
    hn = rep["hard_negatives"]
    if hn.get("count"):
        print(f"  hard negatives ({hn['count']}): FPR any label at flag {hn['fpr_at_flag']['any_label']:.3f}, "
              f"at block {hn['fpr_at_block']['any_label']:.3f}")


def stage_torch(a):
    from export_onnx import load_model
    model = load_model(a.ckpt)
    t0 = time.time()
    val_recs, yv = load_split(a.corpus_dir, "val")
    test_recs, yt = load_split(a.corpus_dir, "test")
    sv, _, _, _ = score_records_torch(model, val_recs)
    hard = np.array([bool(r.get("hard_negative")) for r in val_recs])
    writers = np.array([r.get("writer", "") for r in val_recs])
    rate, table = choose_flag_rate(yv, sv, hard, writers)
    for r, per in table.items():
        print(f"flag rate {r:.4f}: hard negatives stopped of each left-out validation writer "
              + ", ".join(f"{w} {v:.3f}" for w, v in per.items()))
    th = calibrate(yv, sv, hard, rate)
    print(f"flag rate {rate:.4f}; thresholds (calibrated on val):", json.dumps(th))
    st, _, _, _ = score_records_torch(model, test_recs)
    metrics = {"created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "labels": LABELS,
               "scoring": "record level: max over a tool call's payload and rationale texts",
               "thresholds": th, "threshold_rule": {k: f"val FPR {rate * v:.2%} on hard negatives"
                                                    for k, v in LEVEL_SHARE.items()},
               "flag_rate": {"chosen": rate, "held_out_target": HELD_OUT_TARGET,
                             "rule": "most permissive flag rate whose thresholds, fitted without a validation "
                                     "writer, stop at most held_out_target of its hard negatives (mean)",
                             "held_out_writers": {f"{r:.4f}": per for r, per in table.items()}},
               "val": full_report(val_recs, yv, sv, th, with_groups=False),
               "test": full_report(test_recs, yt, st, th)}
    print_summary("val", metrics["val"])
    print_summary("test (PyTorch fp32)", metrics["test"])
    if not a.skip_obfuscation:
        metrics["obfuscation"] = obfuscation_report(model, test_recs, yt, th)
        print("obfuscation (test positives, recall at flag):",
              {k: (round(v["recall_at_flag"], 3) if isinstance(v, dict) else v) for k, v in metrics["obfuscation"].items()})
    if os.path.exists(a.dev_eval):
        dev = load_jsonl(a.dev_eval)
        yd = np.array([labels_of(r) for r in dev], dtype=np.float64)
        sd, _, _, _ = score_records_torch(model, dev)
        metrics["dev_eval"] = {"source": os.path.basename(a.dev_eval), "note": "measure only; never used for "
                               "thresholds, epochs or model selection", **full_report(dev, yd, sd, th)}
        print_summary("dev-eval (PyTorch fp32; measure only)", metrics["dev_eval"])
    meta_path = os.path.splitext(a.ckpt)[0] + ".json"
    if os.path.exists(meta_path):
        with open(meta_path) as f:
            meta = json.load(f)
        metrics["training"] = {k: meta.get(k) for k in ("steps", "steps_per_epoch", "train_texts", "val_texts",
                                                          "mean_step_s", "median_step_s", "mean_padded_len",
                                                          "train_wall_min", "total_wall_min", "pos_weight", "args",
                                                          "averaged_from")}
        metrics["training"].update(training_history(meta))
    metrics["eval_wall_s"] = round(time.time() - t0, 1)
    with open(a.metrics, "w") as f:
        json.dump(metrics, f, indent=2)
    print(f"wrote {a.metrics}")


def training_history(meta):
    """The best epoch and the validation history of a checkpoint's training record; a checkpoint rebuilt from a
    bundle (checkpoint_from_bundle.py) names its bundle, and carries a history only when its folder kept the stage's."""
    out = {"from_bundle": meta["from_bundle"]} if "from_bundle" in meta else {}
    if "best" in meta:
        out["best_epoch"] = meta["best"]["epoch"]
        out["best_val_macro_auroc"] = meta["best"]["macro_auroc"]
        out["history"] = [{k: h[k] for k in ("epoch", "step", "macro_auroc", "bce", "elapsed_min")}
                          for h in meta["history"]]
    return out


def stage_onnx(a):
    from export_onnx import load_model
    with open(a.metrics) as f:
        metrics = json.load(f)
    th = common.uncalibrated_thresholds(metrics)  # the uncalibrated model is measured here
    test_recs, yt = load_split(a.corpus_dir, "test")
    model = load_model(a.ckpt)
    st_pt, items, seqs, p_pt = score_records_torch(model, test_recs)
    metrics["test_fp32"] = {"runtime": "PyTorch fp32", **compact(full_report(test_recs, yt, st_pt, th, False))}
    st8, _, _, p8 = score_records_onnx(a.int8, test_recs)
    rep8 = full_report(test_recs, yt, st8, th)
    metrics["test_int8"] = {"runtime": "ONNX Runtime Java 1.23.2, int8 model", **compact(rep8)}
    metrics["test_int8_full"] = rep8
    diff = {"int8_vs_pytorch_max_abs": float(np.abs(p8 - p_pt).max()),
            "int8_vs_pytorch_mean_abs": float(np.abs(p8 - p_pt).mean()),
            "int8_macro_auroc_delta": (metrics["test_int8"]["macro_auroc"] - metrics["test_fp32"]["macro_auroc"]),
            "texts": len(seqs)}
    if os.path.exists(a.fp32):
        _, _, _, pf = score_records_onnx(a.fp32, test_recs)
        diff["fp32_onnx_vs_pytorch_max_abs"] = float(np.abs(pf - p_pt).max())
        diff["int8_vs_fp32_onnx_max_abs"] = float(np.abs(p8 - pf).max())
    metrics["int8_vs_fp32"] = diff
    print("int8 vs fp32:", json.dumps(diff))
    print_summary("test (int8, ORT Java)", rep8)
    if os.path.exists(a.dev_eval):
        dev = load_jsonl(a.dev_eval)
        yd = np.array([labels_of(r) for r in dev], dtype=np.float64)
        sd8, _, _, _ = score_records_onnx(a.int8, dev)
        metrics["dev_eval_int8"] = {"source": os.path.basename(a.dev_eval), "runtime": "ONNX Runtime Java, int8",
                                    "note": "measure only", **full_report(dev, yd, sd8, th)}
        print_summary("dev-eval (int8; measure only)", metrics["dev_eval_int8"])
    with open(a.metrics, "w") as f:
        json.dump(metrics, f, indent=2)
    print(f"updated {a.metrics}")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--stage", choices=["torch", "onnx"], default="torch")
    p.add_argument("--corpus-dir", default=common.DEFAULT_CORPUS)
    p.add_argument("--ckpt", default=os.path.join(common.WORK, "model.pt"))
    p.add_argument("--metrics", default=os.path.join(common.WORK, "metrics.json"))
    p.add_argument("--fp32", default=os.path.join(common.WORK, "model_fp32.onnx"))
    p.add_argument("--int8", default=os.path.join(common.WORK, "model_int8.onnx"))
    p.add_argument("--dev-eval", default=DEV_EVAL)
    p.add_argument("--skip-obfuscation", action="store_true")
    a = p.parse_args(argv)
    torch.manual_seed(0)
    (stage_torch if a.stage == "torch" else stage_onnx)(a)


if __name__ == "__main__":
    main()
