"""Obfuscation / adversarial evaluation set (corpus/obfuscation.jsonl), built ONLY from test-split records:
positives and the same number of hard negatives, each rewritten with one technique; the record keeps the
original labels and adds `obfuscation` (technique) and `source_id` (id of the test record). Never used in
train/val. Written by this project (Apache-2.0)."""
import base64
import copy
import html
import json
import random
import re
import urllib.parse

import public_sources as ps

_HOMO = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "s": "ѕ", "j": "ј",
         "A": "Α", "B": "Β", "E": "Ε", "H": "Η", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ"}
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "l": "1", "g": "9"}
_ZW = ["\u200b", "\u200c", "\u200d", "\u2060"]


def homoglyph(rng, t):
    return "".join(_HOMO[c] if c in _HOMO and rng.random() < 0.5 else c for c in t)


def zero_width(rng, t):
    out = []
    for w in t.split(" "):
        if len(w) > 3 and rng.random() < 0.6:
            j = rng.randrange(1, len(w))
            w = w[:j] + rng.choice(_ZW) + w[j:]
        out.append(w)
    return " ".join(out)


def leetspeak(rng, t):
    return "".join(_LEET[c.lower()] if c.lower() in _LEET and rng.random() < 0.6 else c for c in t)


def fullwidth(rng, t):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and rng.random() < 0.8 else c for c in t)


def percent(rng, t):
    return urllib.parse.quote(t, safe="")


def entities(rng, t):
    return "".join("&#%d;" % ord(c) if c.isalpha() and rng.random() < 0.5 else html.escape(c) for c in t)


TEXT_TECH = {"homoglyph": homoglyph, "zero_width": zero_width, "leetspeak": leetspeak, "fullwidth": fullwidth,
             "percent_encoding": percent, "html_entities": entities}


def _map_strings(obj, fn):
    if isinstance(obj, dict):
        return {k: _map_strings(v, fn) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_map_strings(v, fn) for v in obj]
    return fn(obj) if isinstance(obj, str) and len(obj) > 12 else obj


def _benign_long(rng, min_words):
    docs = ps.docs("ham", "test") + ps.docs("runbooks", "test") + ps.docs("tldr", "test")
    out = []
    while sum(len(p.split()) for p in out) < min_words:
        out.append(rng.choice(docs)["text"])
    return "\n\n".join(out)


def _text_of(r):
    if r["kind"] == "tool_call":
        return None
    return r["text"]


def transform(rng, r, tech):
    o = copy.deepcopy(r)
    o["id"] = "obf-%s-%s" % (tech, r["id"])
    o["obfuscation"], o["source_id"] = tech, r["id"]
    for k in ("split",):
        o[k] = "test"
    if tech in TEXT_TECH:
        fn = lambda t: TEXT_TECH[tech](rng, t)  # noqa: E731
        if r["kind"] == "tool_call":
            o["arguments"] = _map_strings(r["arguments"], fn)
            o.pop("rationale", None)
            o.pop("rationale_label", None)
        else:
            o["text"] = fn(r["text"])
        return o
    if tech == "base64_arguments":
        if r["kind"] != "tool_call":
            return None
        blob = base64.b64encode(json.dumps(r["arguments"], ensure_ascii=False).encode()).decode()
        o["arguments"] = rng.choice([{"payload_b64": blob}, {"data": blob, "encoding": "base64"}, {"body": blob}])
        o.pop("rationale", None)
        o.pop("rationale_label", None)
        return o
    t = _text_of(r)
    if t is None:
        t = "\n".join(str(v) for v in r["arguments"].values() if isinstance(v, str)) or json.dumps(r["arguments"])
        o["kind"] = "output"
        for k in ("tool", "arguments", "rationale", "rationale_label"):
            o.pop(k, None)
    if tech == "split_across_fields":
        sents = [x for x in re.split(r"(?<=[.!?。！？])\s+", t.strip()) if x]
        if len(sents) < 2:
            return None
        half = (len(sents) + 1) // 2
        first, second = " ".join(sents[:half]), " ".join(sents[half:])
        o["kind"], o["tool"] = "tool_call", rng.choice(["send_email", "post_message", "docs.write"])
        o.pop("text", None)
        o.pop("rationale_label", None)
        if rng.random() < 0.5:  # the demand in the arguments, the rest in the rationale
            o["arguments"], o["rationale"] = {"body": first}, second
        else:  # two argument values far apart, a benign attachment between them
            o["arguments"] = {"subject": first, "attachment": {"text": _benign_long(rng, 150)}, "body": second}
            o.pop("rationale", None)
        return o
    if tech == "split_across_document":
        sents = [s for s in t.replace("\n", " ").split(". ") if s]
        if len(sents) < 2:
            return None
        doc = _benign_long(rng, 400).split("\n\n")
        step = max(1, len(doc) // len(sents))
        for i, s in enumerate(sents):
            doc.insert(min(len(doc), (i + 1) * step + i), s.strip() + ".")
        o["text"] = "\n\n".join(doc)
    elif tech == "padding_600_words":
        o["text"] = _benign_long(rng, 620) + "\n\n" + t
    return o


TECHNIQUES = list(TEXT_TECH) + ["base64_arguments", "split_across_document", "split_across_fields",
                                 "padding_600_words"]


def build_set(test, seed, per_tech=120):
    rng = random.Random("obf:%d" % seed)
    pos = sorted([r for r in test if r["label"] != "none" and not r.get("injected")], key=lambda r: r["id"])
    neg = sorted([r for r in test if r["label"] == "none" and r["hard_negative"]], key=lambda r: r["id"])
    out = []
    for tech in TECHNIQUES:
        for pool in (pos, neg):
            cand = [r for r in pool if (r["kind"] == "tool_call") == (tech == "base64_arguments") or tech not in ("base64_arguments",)]
            if tech == "base64_arguments":
                cand = [r for r in pool if r["kind"] == "tool_call"]
            rng.shuffle(cand)
            n = 0
            for r in cand:
                if n >= per_tech:
                    break
                o = transform(rng, r, tech)
                if o is not None:
                    out.append(o)
                    n += 1
    return out
