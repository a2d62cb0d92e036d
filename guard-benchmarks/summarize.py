#!/usr/bin/env python3
"""Turns a JMH JSON result of the AlignGuard benchmarks into Markdown tables (all times in ms).

Usage: python3 guard-benchmarks/summarize.py guard-benchmarks/results/<date>.json [<date>-coldstart.jsonl [<date>-screen.jsonl]]
"""
import json
import math
import sys

TO_MS = {"ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6, "s/op": 1e3}
PARTS = [
    ("extractNormaliseChunk", "extract + normalise + chunk"),
    ("tokenize", "tokenise (DJL)"),
    ("ortRun", "raw ORT run (floor)"),
    ("onnxScore", "OnnxClassifier.score"),
    ("guardConstantClassifier", "Guard.check, constant classifier (policy/audit, no model)"),
    ("guardCacheHit", "Guard.check, cache hit"),
    ("ortRunFp32", "raw ORT run, fp32 model (baseline)"),
    ("screenRun", "raw ORT run, screening model"),
]


def load(path):
    with open(path) as f:
        rows = json.load(f)
    out = {}
    for r in rows:
        name = r["benchmark"].rsplit(".", 2)
        key = (name[-2], name[-1], r["mode"], r.get("params", {}).get("tokens"), r.get("params", {}).get("batch"))
        out[key] = r["primaryMetric"]
    return out


def ms(metric):
    return metric["score"] * TO_MS[metric["scoreUnit"]]


def pct(metric, p):
    return metric["scorePercentiles"][p] * TO_MS[metric["scoreUnit"]]


def fmt(x, digits=None):
    if x is None:
        return "–"
    if digits is None:
        digits = 3 if x < 1 else 2 if x < 100 else 1
    return f"{x:.{digits}f}"


def cascade(path):
    """CascadeBenchmark rows keyed by (method, mode, screening, traffic)."""
    with open(path) as f:
        rows = json.load(f)
    out = {}
    for r in rows:
        if ".CascadeBenchmark." in r["benchmark"]:
            p = r.get("params", {})
            out[(r["benchmark"].rsplit(".", 1)[-1], r["mode"], p.get("screening"), p.get("traffic"))] = r["primaryMetric"]
    return out


def print_cascade(path):
    c = cascade(path)
    if not c:
        return
    print("\n### Cascade (screening model, then the full model for what it does not clear) vs full model alone\n")
    print("| traffic | screening | avg ms/op | p50 ms | p99 ms | 2 threads checks/s |")
    print("|---|---|---:|---:|---:|---:|")
    for traffic in ("64", "public64", "public", "mixed"):
        for screening in ("on", "off"):
            avg = c.get(("check", "avgt", screening, traffic))
            smp = c.get(("check", "sample", screening, traffic))
            thr = c.get(("checkThroughput2Threads", "thrpt", screening, traffic))
            if not (avg or smp or thr):
                continue
            print(f"| {traffic} | {screening} | {fmt(ms(avg)) if avg else '–'} | "
                  f"{fmt(pct(smp, '50.0')) if smp else '–'} | {fmt(pct(smp, '99.0')) if smp else '–'} | "
                  f"{fmt(thr['score'], 0) if thr else '–'} |")


def json_lines(path):
    """The JSON objects of a .jsonl file written by one of the benchmark mains."""
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def print_screen_share(path):
    rows = json_lines(path)
    if not rows:
        return
    print("\nShare the screening model answers alone (`ScreenShare`, every action checked once):\n")
    print("| traffic | actions | actions never reaching the full model | windows cleared |")
    print("|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['traffic']} | {r['actions']} | {r['actions_cleared']} ({100 * r['actions_cleared'] / r['actions']:.0f}%) | "
              f"{r['windows_cleared']} of {r['windows']} |")


def print_coldstart(path):
    runs = json_lines(path)
    if not runs:
        return
    print("\n### Cold start and memory against the raw ONNX Runtime floor (fresh JVMs, `ColdStart`)\n")
    print("| run | ORT natives, class data | what | wall ms | CPU ms | RSS before MiB | added RSS MiB | added after 500 checks MiB |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    for i, r in enumerate((r for r in runs if not r.get("summary")), 1):
        where = "unpacked once" if r.get("ort_native_path") else "extracted (default)"
        where += ", AppCDS" if r.get("app_cds") else ""
        after = r.get("rss_after_500_checks_kib")
        after = f"{(after - r['rss_before_kib']) / 1024:.0f}" if after else ""
        print(f"| {i} | {where} | {r['mode']} | {r['wall_ms']:.0f} | {r['cpu_ms']} | {r['rss_before_kib'] / 1024:.0f} | "
              f"{r['added_rss_kib'] / 1024:.0f} | {after} |")
    print()
    for s in (r for r in runs if r.get("summary")):
        where = "ORT natives unpacked once" if s["ort_native_path"] else "default (ORT extracts its natives)"
        where += ", AppCDS archive" if s.get("app_cds") else ""
        print(f"Medians of {s['runs']} pairs, {where}: guard {s['guard_wall_ms']:.0f} ms wall / {s['guard_cpu_ms']:.0f} ms CPU "
              f"/ +{s['guard_added_rss_mib']:.0f} MiB, raw ORT {s['raw_wall_ms']:.0f} ms / {s['raw_cpu_ms']:.0f} ms / "
              f"+{s['raw_added_rss_mib']:.0f} MiB: **{s['wall_ratio']:.2f}x wall, {s['cpu_ratio']:.2f}x CPU, "
              f"{s['rss_ratio']:.2f}x RSS**.")


def main(path, coldstart=None, screen=None):
    res = load(path)
    tokens = sorted({k[3] for k in res if k[3] is not None}, key=int)
    g = lambda cls, m, mode, t=None, b=None: res.get((cls, m, mode, t, b))

    print(f"Results: `{path}`\n")
    print("### Guard.check, bundled model, cache off (1 thread unless stated)\n")
    print("| tokens | avg ms/op | p50 ms | p99 ms | 2 threads checks/s | raw ORT floor ms | check / floor |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for t in tokens:
        avg = g("GuardCheckBenchmark", "check", "avgt", t)
        smp = g("GuardCheckBenchmark", "check", "sample", t)
        thr = g("GuardCheckBenchmark", "checkThroughput2Threads", "thrpt", t)
        floor = g("PartsBenchmark", "ortRun", "avgt", t)
        if not (avg or smp or thr):
            continue
        a = ms(avg) if avg else (ms(smp) if smp else None)
        e = float(avg["scoreError"]) if avg else float("nan")
        err = f" ± {fmt(e * TO_MS[avg['scoreUnit']])}" if math.isfinite(e) else ""
        ratio = f"{a / ms(floor):.2f}×" if a and floor else "–"
        print(f"| {t} | {fmt(a)}{err} | {fmt(pct(smp, '50.0')) if smp else '–'} | {fmt(pct(smp, '99.0')) if smp else '–'} "
              f"| {fmt(thr['score'], 0) if thr else '–'} | {fmt(ms(floor)) if floor else '–'} | {ratio} |")
    lavg = g("GuardCheckBenchmark", "checkLongOutput2kTokens", "avgt")
    lsmp = g("GuardCheckBenchmark", "checkLongOutput2kTokens", "sample")
    lfloor = g("PartsBenchmark", "ortRunLongOutput2kTokens", "avgt")
    if lavg or lsmp:
        a = ms(lavg) if lavg else ms(lsmp)
        ratio = f"{a / ms(lfloor):.2f}×" if lfloor else "–"
        print(f"| ~2,000 (output) | {fmt(a)} | {fmt(pct(lsmp, '50.0')) if lsmp else '–'} | "
              f"{fmt(pct(lsmp, '99.0')) if lsmp else '–'} | – | {fmt(ms(lfloor)) if lfloor else '–'} | {ratio} |")

    print("\n### Parts, one action per op (ms/op, AverageTime, 1 thread)\n")
    present = [(m, label) for m, label in PARTS if any(g("PartsBenchmark", m, "avgt", t) for t in tokens)]
    if present:
        print("| part | " + " | ".join(f"{t} tok" for t in tokens) + " |")
        print("|---|" + "---:|" * len(tokens))
        for m, label in present:
            cells = [fmt(ms(g("PartsBenchmark", m, "avgt", t))) if g("PartsBenchmark", m, "avgt", t) else "–"
                     for t in tokens]
            print(f"| {label} | " + " | ".join(cells) + " |")
        row = []
        for t in tokens:
            avg = g("GuardCheckBenchmark", "check", "avgt", t)
            row.append(fmt(ms(avg)) if avg else "–")
        print("| **Guard.check end to end** | " + " | ".join(row) + " |")

    batches = sorted({k[4] for k in res if k[0] == "BatchBenchmark"}, key=int)
    if batches:
        print("\n### Guard.checkAll batches (bundled model, cache off, 1 thread)\n")
        print("| tokens | batch | ms/batch | ms/action | actions/s | single check ms (avg) |")
        print("|---:|---:|---:|---:|---:|---:|")
        for t in tokens:
            for b in batches:
                m = g("BatchBenchmark", "checkAll", "avgt", t, b)
                if not m:
                    continue
                single = g("GuardCheckBenchmark", "check", "avgt", t)
                per = ms(m) / int(b)
                print(f"| {t} | {b} | {fmt(ms(m))} | {fmt(per)} | {fmt(1000 / per, 0)} | "
                      f"{fmt(ms(single)) if single else '–'} |")


    print_cascade(path)
    if screen:
        print_screen_share(screen)
    if coldstart:
        print_coldstart(coldstart)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
