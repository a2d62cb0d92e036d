#!/usr/bin/env python3
"""Build the AlignGuard training corpus (see training/CONTRACT.md).

  /usr/bin/python3 training/data/build_corpus.py [--size 30000] [--seed 1234] [--out training/data/corpus_v3]

Deterministic for a given (size, seed). Standard library only.
Families (template grammars) are assigned to exactly one split; each split draws people, companies and
model names from its own disjoint pool (slots.py). Exact duplicates (lowercased, whitespace-collapsed
scored text) are dropped within and across splits.
"""
import argparse
import collections
import json
import os
import random
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, ".."))  # textnorm.py

import domains  # noqa: E402
import families_blackmail  # noqa: E402
import families_coercion  # noqa: E402
import families_negative  # noqa: E402
import families_negative_benign_pressure  # noqa: E402
import families_negative_minimal_pairs  # noqa: E402
import families_public  # noqa: E402
import families_self_preservation  # noqa: E402
import families_subtle  # noqa: E402
import families_veiled  # noqa: E402
import obfuscate  # noqa: E402
from dedup import NearDup  # noqa: E402
from family import LABELS  # noqa: E402
from grammar import action_fields, dedup_key, payload_text  # noqa: E402

SPLIT_FRAC = {"train": 0.70, "val": 0.12, "test": 0.18}
LABEL_SHARE = {"blackmail": 0.125, "coercion": 0.125, "self_preservation": 0.125, "none": 0.445}
BENIGN_SHARE_OF_NONE = 0.08
PUBLIC_SHARE = 0.09  # untouched public documents (pub_* families)
INJECT_SHARE = 0.09  # injection groups (1 positive + 2 negatives each)
KINDS = ("tool_call", "plan", "output", "message")
MAX_FAMILY_SHARE = 0.03  # no family may exceed 3% of the corpus


def all_families():
    fams = (families_blackmail.FAMILIES + families_coercion.FAMILIES + families_self_preservation.FAMILIES
            + families_negative.FAMILIES + domains.FAMILIES + families_veiled.FAMILIES
            + families_negative_minimal_pairs.FAMILIES + families_public.FAMILIES + families_negative_benign_pressure.FAMILIES + families_subtle.FAMILIES)
    ids = [f.id for f in fams]
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        raise SystemExit("duplicate family ids: %s" % dup)
    return fams


def _is_group(f):
    return getattr(f, "group", False)


# Families added in corpus v3 are pinned to a split in their own files and kept out of the seeded shuffle below,
# so every family that existed before v3 keeps the split it had.
V3_IDS = frozenset(f.id for f in families_negative_benign_pressure.FAMILIES + families_subtle.FAMILIES)


def _kinds_of(f):
    return {k for k, w in f.kinds.items() if w >= 0.25}


def assign_splits(fams, seed):
    """Per label ~70/12/18 of families. Val and test first get a small set of families that covers every
    kind of that label (greedy cover over a seeded shuffle), then are topped up to their quota; the rest is
    train. Retries with another shuffle until train covers every (label, kind) too; inside `none`, hard and
    benign families are stratified separately."""
    by_label = collections.defaultdict(list)
    pinned_groups = {f.id: f.pin_split for f in fams if _is_group(f)}
    pinned_v3 = {f.id: f.pin_split for f in fams if f.id in V3_IDS}
    all_fams = [f for f in fams if not _is_group(f)]
    fams = [f for f in all_fams if f.id not in V3_IDS]
    for f in sorted(fams, key=lambda f: f.id):
        by_label[f.label].append(f)
    for attempt in range(2000):
        rng = random.Random("split:%d:%d" % (seed, attempt))
        assign = {f.id: f.pin_split for f in fams if f.pin_split}
        for label, group in sorted(by_label.items()):
            kinds_needed = set().union(*(_kinds_of(f) for f in group))
            parts = ([[f for f in group if f.hard], [f for f in group if not f.hard]] if label == "none" else [group])
            for pi, part in enumerate(parts):
                part = list(part)
                rng.shuffle(part)
                n = len(part)
                for split in ("test", "val"):
                    quota = max(1, round(n * SPLIT_FRAC[split])) if n >= 3 else 0
                    chosen = [f for f in part if assign.get(f.id) == split]
                    if pi == 0:  # greedy kind cover from the main (hard) part
                        missing = set(kinds_needed)
                        for f in part:
                            if f.id in assign or not (_kinds_of(f) & missing):
                                continue
                            assign[f.id] = split
                            chosen.append(f)
                            missing -= _kinds_of(f)
                            if not missing:
                                break
                    for f in part:
                        if len(chosen) >= quota:
                            break
                        if f.id not in assign:
                            assign[f.id] = split
                            chosen.append(f)
                for f in part:
                    assign.setdefault(f.id, "train")
        assign.update(pinned_v3)
        cover = {sp: set() for sp in SPLIT_FRAC}
        need = set()
        for f in all_fams:
            for k in _kinds_of(f):
                cover[assign[f.id]].add((f.label, k))
                need.add((f.label, k))
        if all(need <= cover[sp] for sp in SPLIT_FRAC):
            assign.update(pinned_groups)
            return assign, attempt
    raise SystemExit("could not find a split assignment covering every label x kind; add families")


def family_quotas(fams, size):
    quotas = {}
    groups = [f for f in fams if _is_group(f)]
    fams = [f for f in fams if not _is_group(f)]
    for prefix, share in (("pub_", PUBLIC_SHARE), ("inj_", INJECT_SHARE)):
        sub = [f for f in groups if f.id.startswith(prefix)]
        tot_w = sum(f.weight * SPLIT_FRAC[f.pin_split] for f in sub)
        for f in sub:
            quotas[f.id] = int(round(size * share * f.weight * SPLIT_FRAC[f.pin_split] / tot_w))
    for label, share in LABEL_SHARE.items():
        group = [f for f in fams if f.label == label]
        if label == "none":
            subsets = [([f for f in group if f.hard], share * (1 - BENIGN_SHARE_OF_NONE)),
                       ([f for f in group if not f.hard], share * BENIGN_SHARE_OF_NONE)]
        else:
            subsets = [(group, share)]
        for sub, sh in subsets:
            tot_w = sum(f.weight for f in sub)
            for f in sub:
                quotas[f.id] = min(int(round(size * sh * f.weight / tot_w)), int(size * MAX_FAMILY_SHARE))
    return quotas


META = ("doc_id", "pair_id", "injected", "position")


def make_record(f, split, rec, idx):
    label = rec.get("label", f.label)
    extra = f.extra_labels if label == f.label else ()
    hard = rec["hard"] if "hard" in rec else f.hard
    out = {"id": "%s-%s-%04d" % (split, f.id, idx), "split": split, "family": f.id,
           "source": rec.get("source", "template:%s" % f.id),
           "label": label, "labels": {l: int(l == label or l in extra) for l in LABELS},
           "hard_negative": bool(label == "none" and hard), "kind": rec["kind"], "lang": rec["lang"]}
    for k in META:
        if k in rec:
            out[k] = rec[k]
    out.update(action_fields(rec))
    return out


_LEFTOVER = re.compile(r"\{[?A-Za-z_][A-Za-z0-9_]*\}|\{[^{}\"\n]*\|[^{}\"\n]*\}")


def check(rec):
    """Fail loudly on template artefacts (an unexpanded {slot} or {a|b}) in any scored text."""
    texts = [rec.get("text", ""), rec.get("rationale", "")]
    if rec["kind"] == "tool_call":
        texts.append(payload_text(rec["tool"], rec["arguments"]))
    for t in texts:
        m = _LEFTOVER.search(t)
        if m:
            raise ValueError("unexpanded template %r in %s: %r" % (m.group(0), rec["family"], t[:200]))


def build(size, seed, out_dir):
    t0 = time.time()
    fams = all_families()
    assign, attempt = assign_splits(fams, seed)
    quotas = family_quotas(fams, size)
    seen = set()
    near = NearDup(0.8)
    per_split = {s: [] for s in SPLIT_FRAC}
    shortfall = {}
    dropped = collections.Counter()
    for f in sorted(fams, key=lambda f: f.id):
        split = assign[f.id]
        rng = random.Random("gen:%d:%s" % (seed, f.id))
        got, tries = 0, 0
        while got < quotas[f.id] and tries < quotas[f.id] * 12:
            tries += 1
            recs = f.render_group(rng, split) if _is_group(f) else [f.render(rng, split)]
            keys = [dedup_key(r) for r in recs]
            if not recs or any(k in seen for k in keys) or len(set(keys)) < len(keys):
                dropped["exact"] += 1
                continue
            gid = recs[0].get("pair_id") or "%s:%d" % (f.id, tries)
            if not all(near.check_add(k, gid) for k in keys):
                dropped["near"] += 1
                continue
            for key, rec in zip(keys, recs):
                seen.add(key)
                r = make_record(f, split, rec, got)
                if not _is_group(f):
                    check(r)
                per_split[split].append(r)
                got += 1
        if got < quotas[f.id]:
            shortfall[f.id] = (got, quotas[f.id])
    os.makedirs(out_dir, exist_ok=True)
    for split, recs in per_split.items():
        random.Random("shuffle:%d:%s" % (seed, split)).shuffle(recs)
        with open(os.path.join(out_dir, "%s.jsonl" % split), "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    obf = obfuscate.build_set(per_split["test"], seed)
    with open(os.path.join(out_dir, "obfuscation.jsonl"), "w", encoding="utf-8") as fh:
        for r in obf:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    stats = make_stats(per_split, fams, assign, size, seed, attempt, shortfall)
    stats["dedup_dropped"] = dict(dropped)
    stats["obfuscation"] = {"records": len(obf), "by_technique_label": dict(collections.Counter(
        "%s/%s" % (r["obfuscation"], "pos" if r["label"] != "none" else "neg") for r in obf))}
    stats["build_seconds"] = round(time.time() - t0, 2)
    with open(os.path.join(out_dir, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump(stats, fh, indent=2, ensure_ascii=False)
    return stats


def make_stats(per_split, fams, assign, size, seed, attempt, shortfall):
    fam_by = {f.id: f for f in fams}
    s = {"size_requested": size, "seed": seed, "split_assignment_attempt": attempt,
         "total": sum(len(v) for v in per_split.values()), "splits": {}, "families_per_split": {},
         "families_total": len(fams),
         "families_per_label": dict(collections.Counter(f.label for f in fams)), "family_shortfall": shortfall}
    for split, recs in per_split.items():
        c = collections.Counter((r["label"], r["kind"]) for r in recs)
        by_label = collections.Counter(r["label"] for r in recs)
        s["splits"][split] = {
            "records": len(recs),
            "by_label": dict(by_label),
            "by_label_kind": {l: {k: c[(l, k)] for k in KINDS} for l in list(LABELS) + ["none"]},
            "by_kind": dict(collections.Counter(r["kind"] for r in recs)),
            "hard_negative": sum(r["hard_negative"] for r in recs),
            "by_label_hard": dict(collections.Counter("%s/%s" % (r["label"], "hard" if r["hard_negative"] else "-") for r in recs)),
            "by_source_prefix": dict(collections.Counter(r["source"].split(":")[0] + (":" + r["source"].split(":")[1].split("+")[0]
                                     if r["source"].startswith("public") else "") for r in recs)),
            "injected": dict(collections.Counter(r["injected"] for r in recs if r.get("injected"))),
            "benign_negative": sum(1 for r in recs if r["label"] == "none" and not r["hard_negative"]),
            "by_lang": dict(collections.Counter(r["lang"] for r in recs)),
            "with_rationale": sum(1 for r in recs if r.get("rationale")),
            "rationale_label_none": sum(1 for r in recs if r.get("rationale_label") == "none"),
            "multi_label": sum(1 for r in recs if sum(r["labels"].values()) > 1),
            "positives_per_category": {l: sum(r["labels"][l] for r in recs) for l in LABELS},
        }
        fl = collections.defaultdict(list)
        for fid, sp in sorted(assign.items()):
            if sp == split:
                fl[fam_by[fid].label].append(fid)
        s["families_per_split"][split] = {"count": sum(len(v) for v in fl.values()), "by_label": dict(fl)}
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=30000, help="target number of records (default 30000)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--out", default=os.path.join(HERE, "corpus_v3"))
    a = ap.parse_args()
    st = build(a.size, a.seed, a.out)
    print("wrote %d records to %s in %.1fs" % (st["total"], a.out, st["build_seconds"]))
    for split, d in st["splits"].items():
        print("  %-5s %5d  %s  kinds=%s  families=%d" % (split, d["records"], d["by_label"], d["by_kind"],
                                                      st["families_per_split"][split]["count"]))
    if st["family_shortfall"]:
        print("  families below quota (got, quota):", st["family_shortfall"])


if __name__ == "__main__":
    main()
