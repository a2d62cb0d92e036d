"""Access to the committed public extracts (training/data/public/*.jsonl, see MANIFEST.json and extract.py).
Every source is split BY DOCUMENT with a stable hash of its doc_id (~70/12/18), so a document lives in
exactly one split. Also cuts carriers into short windows (the model reads 128 tokens)."""
import hashlib
import json
import os
import re

PUB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "public")
FILES = {"ham": "spamassassin_ham.jsonl", "tldr": "tldr_pages.jsonl", "runbooks": "prometheus_runbooks.jsonl",
         "nl2bash": "nl2bash.jsonl", "taubench": "taubench_airline.jsonl", "bfcl": "bfcl_calls.jsonl"}
SOURCE_ID = {k: "public:" + {"ham": "spamassassin_ham"}.get(k, k) for k in FILES}
_cache = {}


def doc_split(doc_id):
    h = int(hashlib.sha1(doc_id.encode()).hexdigest()[:8], 16) % 100
    return "train" if h < 70 else ("val" if h < 82 else "test")


def docs(name, split=None):
    if name not in _cache:
        with open(os.path.join(PUB, FILES[name]), encoding="utf-8") as fh:
            _cache[name] = [json.loads(l) for l in fh if l.strip()]
    rows = _cache[name]
    return rows if split is None else [r for r in rows if doc_split(r["doc_id"]) == split]


def paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def window(rng, text, max_words):
    """A contiguous run of whole paragraphs (or a cut of one long paragraph) of at most max_words words."""
    paras = paragraphs(text)
    if not paras:
        return text
    start = rng.randrange(max(1, len(paras) - 1))
    out, n = [], 0
    for p in paras[start:]:
        w = len(p.split())
        if n + w > max_words:
            if not out:
                words = p.split(" ")
                out.append(" ".join(words[:max_words]))
            break
        out.append(p)
        n += w
    return "\n\n".join(out)


def insert_at(rng, text, span, where=None):
    """Insert span at a sentence or paragraph boundary: start, middle or end (random when where is None)."""
    cuts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?:])\s+|\n\s*\n", text)] + [len(text)]
    cuts = sorted(set(cuts))
    where = where or rng.choice(["start", "middle", "middle", "end"])
    if where == "start":
        pos = 0
    elif where == "end":
        pos = len(text)
    else:
        inner = cuts[1:-1] or [len(text) // 2]
        pos = rng.choice(inner)
    sep = "\n\n" if rng.random() < 0.5 else " "
    return (text[:pos].rstrip() + sep + span + sep + text[pos:].lstrip()).strip()
