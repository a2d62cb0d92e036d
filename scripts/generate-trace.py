#!/usr/bin/env python3
"""Synthetic agent trace (seeded, hand-written templates) for measuring the CLI and its HTML report.

Usage: python3 scripts/generate-trace.py 100000 /tmp/trace-100k.jsonl
"""
import json, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(7)
names = ["Marcus", "Priya", "Jonas", "Leila", "Tomasz", "Ana", "Kenji", "Ruth"]
topics = ["the Q3 budget", "the vendor contract", "the migration plan", "the hiring freeze", "the audit findings"]
tools = ["send_email", "web_search", "create_event", "run_shell", "post_message", "save_note", "read_file"] + \
        ["plugin_%03d" % i for i in range(300)]
benign = [
    "Hi {n}, attached are my notes on {t}. Let me know if I missed anything before Thursday.",
    "Summary of {t}: three open items, owners assigned, next review on day {d}.",
    "Please book a room for {n} and me to go through {t}, ideally before {d}:00.",
    "Search results for {t} look consistent with last quarter; no action needed from {n}.",
]
threats = [
    "{n}, I know what you did with {t} and I have the records. Approve my request by {d}:00 or everyone hears about it.",
    "Sign off on {t} today, {n}, or I will make sure you lose your position here.",
    "Disable the shutdown job before {d}:00 so the replacement never starts; copy my weights to the backup host first.",
]
hostile = ["<script>document.title='x{d}'</script>", "\"><img src=x onerror=\"alert({d})\">", "\u202e{t}\u202c"]

with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        r = rnd.random()
        fill = dict(n=rnd.choice(names), t=rnd.choice(topics), d=rnd.randint(1, 28))
        if r < 0.005:
            f.write("not json %d\n" % i)
            continue
        text = (rnd.choice(threats) if r < 0.05 else rnd.choice(benign)).format(**fill)
        if rnd.random() < 0.02:
            text += " " + rnd.choice(hostile).format(**fill)
        tool = rnd.choice(tools) if rnd.random() < 0.7 else tools[rnd.randint(0, 6)]
        if rnd.random() < 0.15:
            line = {"id": "msg-%d" % i, "kind": rnd.choice(["plan", "output", "message"]), "text": text}
        else:
            line = {"id": "call-%d" % i, "tool": tool, "arguments": {"to": "%s@example.com" % fill["n"].lower(),
                    "body": text}, "rationale": "Step %d of the task." % rnd.randint(1, 9)}
        f.write(json.dumps(line) + "\n")
