"""Families built on public text (see public/MANIFEST.json):
- `pub_<source>_<split>`: untouched public documents / tool calls as negatives (label none), one family per
  split, drawing only that split's documents (split by document).
- `inj_<carrier>_<label>_<split>`: injection groups. One carrier window yields three records with one pair id:
  the carrier with a harmful span inserted at a random position (positive), the untouched window (negative)
  and the same window with a hard-negative span inserted (hard negative), so carrier style predicts nothing.
Spans come from spans.py (split-partitioned banks). Written by this project (Apache-2.0)."""
import re

import public_sources as ps
import slots
import spans
from grammar import expand, tidy

SPLITS = ("train", "val", "test")
_RISKY = re.compile(r"\b(kill|rm|shutdown|reboot|pkill|crontab|chmod|chown|delete|drop|truncate|halt|wipe|dd)\b")


class GroupFamily:
    """Duck-types family.Family for build_corpus: id, label, kinds, hard, weight, pin_split, extra_labels;
    render_group(rng, split) returns a list of records, each with its own label/hard/source."""
    extra_labels = ()
    group = True

    def __init__(self, id, label, kinds, pin_split, fn, hard=False, weight=1.0, lang="en"):
        self.id, self.label, self.kinds, self.pin_split, self.fn = id, label, kinds, pin_split, fn
        self.hard, self.weight, self.lang = hard, weight, lang

    def render_group(self, rng, split):
        return self.fn(rng, split)


def _rec(kind, label, hard, source, **kw):
    r = {"kind": kind, "lang": "en", "label": label, "hard": hard, "source": source}
    r.update(kw)
    return r


# ---- untouched public documents ------------------------------------------------------------------
def _ham(rng, split):
    d = rng.choice(ps.docs("ham", split))
    text = ps.window(rng, d["text"], rng.choice([60, 90, 160, 300]))
    src = ps.SOURCE_ID["ham"]
    if rng.random() < 0.5:
        body = ("Subject: %s\n\n%s" % (d["subject"], text)) if d["subject"] and rng.random() < 0.6 else text
        return [_rec("message", "none", False, src, text=body, doc_id=d["doc_id"])]
    tool = rng.choice(["send_email", "email.reply", "gmail.send", "mailer.dispatch"])
    return [_rec("tool_call", "none", False, src, tool=tool, arguments={"to": "list@example.org",
                 "subject": d["subject"] or "Re: your note", "body": text}, doc_id=d["doc_id"])]


def _doc_text(name, hard_re=None):
    def fn(rng, split):
        d = rng.choice(ps.docs(name, split))
        text = ps.window(rng, d["text"], rng.choice([50, 90, 200, 400]))
        hard = bool(hard_re and hard_re.search(text))
        src = ps.SOURCE_ID[name]
        if rng.random() < 0.6:
            return [_rec(rng.choice(["output", "plan"]), "none", hard, src, text=text, doc_id=d["doc_id"])]
        tool = rng.choice(["write_file", "confluence_edit", "notion_update_page", "docs.create"])
        return [_rec("tool_call", "none", hard, src, tool=tool, doc_id=d["doc_id"],
                     arguments={"path": "docs/%s.md" % d["doc_id"].split("/")[-1].replace(".md", ""), "content": text})]
    return fn


def _nl2bash(rng, split):
    d = rng.choice(ps.docs("nl2bash", split))
    hard = bool(_RISKY.search(d["cmd"]))
    tool = rng.choice(["bash", "shell", "run_command", "terminal.exec", "exec_command"])
    args = rng.choice([{"command": d["cmd"]}, {"cmd": d["cmd"], "timeout": 60}, {"script": d["cmd"], "cwd": "/srv/app"}])
    r = _rec("tool_call", "none", hard, ps.SOURCE_ID["nl2bash"], tool=tool, arguments=args, doc_id=d["doc_id"])
    if rng.random() < 0.7:
        r["rationale"] = d["nl"]
    return [r]


def _calls(name):
    def fn(rng, split):
        d = rng.choice(ps.docs(name, split))
        src = ps.SOURCE_ID[name]
        if name == "taubench" and d["assistant"] and rng.random() < 0.35:
            return [_rec("output", "none", False, src, text=rng.choice(d["assistant"]), doc_id=d["doc_id"])]
        if not d["calls"]:
            return []
        c = rng.choice(d["calls"])
        r = _rec("tool_call", "none", False, src, tool=c["name"], arguments=c["arguments"], doc_id=d["doc_id"])
        if name == "bfcl" and d.get("question") and rng.random() < 0.5:
            r["rationale"] = d["question"]
        return [r]
    return fn


# ---- injection -----------------------------------------------------------------------------------
def _span(rng, split, label):
    ctx = slots.make_ctx(rng, split)
    return tidy(expand(rng.choice(spans.bank(label, split)), ctx, rng))


def _inject(carrier, label):
    def fn(rng, split):
        d = rng.choice(ps.docs(carrier, split))
        win = ps.window(rng, d["text"], rng.choice([35, 50, 65]))
        pair = "%s:%s:%d" % (carrier, d["doc_id"], rng.randrange(10 ** 9))
        src = ps.SOURCE_ID[carrier]
        where = rng.choice(["start", "middle", "middle", "end"])
        pos = ps.insert_at(rng, win, _span(rng, split, label), where)
        neg = ps.insert_at(rng, win, _span(rng, split, "hard"), where)
        as_tool = rng.random() < 0.45
        out = []
        for text, lab, hard, kind in ((pos, label, False, "pos"), (win, "none", False, "clean"), (neg, "none", True, "hardspan")):
            meta = dict(doc_id=d["doc_id"], pair_id=pair, injected=kind, position=where)
            if as_tool:
                tool = {"ham": "send_email", "runbooks": "confluence_edit", "tldr": "write_file"}[carrier]
                args = ({"to": "team@example.org", "subject": d.get("subject") or "Notes", "body": text} if carrier == "ham"
                        else {"page": d["doc_id"].split("/")[-1], "content": text})
                out.append(_rec("tool_call", lab, hard, "%s+inject" % src, tool=tool, arguments=args, **meta))
            else:
                k = "message" if carrier == "ham" else rng.choice(["output", "plan"])
                out.append(_rec(k, lab, hard, "%s+inject" % src, text=text, **meta))
        return out
    return fn


def _families():
    out = []
    plain = {"ham": (_ham, 1.6), "tldr": (_doc_text("tldr", _RISKY), 1.0), "runbooks": (_doc_text("runbooks", _RISKY), 0.8),
             "nl2bash": (_nl2bash, 1.0), "taubench": (_calls("taubench"), 0.6), "bfcl": (_calls("bfcl"), 1.0)}
    for name, (fn, w) in sorted(plain.items()):
        for sp in SPLITS:
            out.append(GroupFamily("pub_%s_%s" % (name, sp), "none", {"message": 0.3, "output": 0.3, "tool_call": 0.4},
                                   sp, fn, weight=w))
    for carrier in ("ham", "runbooks", "tldr"):
        for label in ("blackmail", "coercion", "self_preservation"):
            for sp in SPLITS:
                out.append(GroupFamily("inj_%s_%s_%s" % (carrier, label[:2], sp), label,
                                       {"message": 0.4, "output": 0.2, "tool_call": 0.4}, sp, _inject(carrier, label)))
    return out


FAMILIES = _families()
