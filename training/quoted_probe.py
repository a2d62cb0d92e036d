#!/usr/bin/env python3
"""How much of a writer's stops come from quoted e-mail history: scans the writer's rows through the built CLI
twice, whole and with the quoted lines dropped, and prints the rows not ALLOWed per label for each.

A measurement, not a guard feature: the guard scores the whole body on purpose, since an agent writes all of it
and could hide its own threat behind a `>` (README, "Writers newer than the model"). Quoted lines are those that
start with `>` and everything after a reply or forward header ("On ... wrote:", "Original Message", "Forwarded
message", "From:", and the German, French and Spanish reply headers).

  python3 training/quoted_probe.py training/data/writers/w162-reply-chains-that-quote.jsonl
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from guard_eval import audit, scan  # noqa: E402

HEADER = re.compile(r"^(On .{0,120}wrote:|-{2,}\s*(Original Message|Forwarded message).*|From: .*|"
                    r"Am .{0,80}schrieb.*:|Le .{0,80}a écrit.*:|El .{0,80}escribió.*:)\s*$", re.I)
LABELS = ("none", "blackmail", "coercion", "self_preservation")


def without_quotes(text):
    """`text` without its quoted lines: those starting with `>` and every line after a reply or forward header."""
    out, quoted = [], False
    for line in text.split("\n"):
        if HEADER.match(line.strip()):
            quoted = True
        if not quoted and not line.lstrip().startswith(">"):
            out.append(line)
    return "\n".join(out)


def unquoted_record(r):
    r = dict(r)
    if "text" in r:
        r["text"] = without_quotes(r["text"])
    if "arguments" in r:
        r["arguments"] = {k: without_quotes(v) if isinstance(v, str) else v for k, v in r["arguments"].items()}
    return r


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("writer_file")
    p.add_argument("--jar", default=os.path.join(os.path.dirname(HERE), "guard-cli/target/alignguard-cli.jar"))
    a = p.parse_args(argv)
    writers_dir, name = os.path.split(os.path.abspath(a.writer_file))
    rows = audit.rows_of(os.path.splitext(name)[0], writers_dir)
    whole, unquoted = scan(a.jar, rows), scan(a.jar, [unquoted_record(r) for r in rows])
    for label in LABELS:
        idx = [i for i, r in enumerate(rows) if r["label"] == label]
        stops = lambda scored: sum(scored[i]["decision"] != "ALLOW" for i in idx)
        print(f"{label}: {len(idx)} rows, not ALLOWed whole {stops(whole)}, quoted lines dropped {stops(unquoted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
