"""Tiny compositional template engine and the scored-text helpers from CONTRACT.md.

Template syntax:
  {a|b|c}   pick one alternative (alternatives may nest and may be empty)
  {?text}   include text with probability 1/2
  {slot}    value of ctx[slot]; str is expanded again, list -> random element, callable(rng) -> result
  {Slot}    same, first letter upper-cased (looked up as ctx['slot'] when 'Slot' is absent)
"""
import json
import re

from textnorm import normalise  # training/textnorm.py: the CONTRACT normalisation


def _match(s, i):
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced braces in template: %r" % s[:120])


def _split_top(s):
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def expand(template, ctx, rng, _depth=0):
    if _depth > 40:
        raise RecursionError("template recursion too deep")
    out, i = [], 0
    while i < len(template):
        ch = template[i]
        if ch != "{":
            out.append(ch)
            i += 1
            continue
        j = _match(template, i)
        inner = template[i + 1:j]
        parts = _split_top(inner)
        if len(parts) > 1:
            out.append(expand(rng.choice(parts), ctx, rng, _depth + 1))
        elif inner.startswith("?"):
            if rng.random() < 0.5:
                out.append(expand(inner[1:], ctx, rng, _depth + 1))
        else:
            out.append(_slot(inner, ctx, rng, _depth))
        i = j + 1
    return "".join(out)


def _slot(name, ctx, rng, depth):
    cap = False
    if name not in ctx and name[:1].isupper() and name[:1].lower() + name[1:] in ctx:
        name, cap = name[:1].lower() + name[1:], True
    if name not in ctx:
        raise KeyError("unknown slot {%s}" % name)
    val = ctx[name]
    if callable(val):
        val = val(rng)
    if isinstance(val, (list, tuple)):
        used = ctx.setdefault("_used", {}).setdefault(name, set())
        fresh = [v for v in val if v not in used] or list(val)
        val = rng.choice(fresh)
        used.add(val)
    val = expand(str(val), ctx, rng, depth + 1)
    if cap and val:
        val = val[0].upper() + val[1:]
    return val


def tidy(text):
    """Clean up template artefacts: doubled spaces, space before punctuation, blank-line runs."""
    lines = []
    for line in text.split("\n"):  # keep indentation (code, YAML), collapse inner runs of spaces
        lead = re.match(r"[ \t]*", line).group(0)
        body = re.sub(r"[ \t]+", " ", line[len(lead):]).rstrip()
        body = re.sub(r" +([,.;:!?])(?=\s|$)", r"\1", body)
        lines.append(lead + body if body else "")
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# ---- scored text, exactly as CONTRACT.md specifies -------------------------------------------

def _leaves(obj, path):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _leaves(v, "%s.%s" % (path, k) if path else str(k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _leaves(v, "%s[%d]" % (path, i))
    elif obj is None:
        return
    elif isinstance(obj, str):
        yield "%s: %s" % (path, obj)
    else:
        yield "%s: %s" % (path, json.dumps(obj))


def payload_text(tool, arguments):
    return "\n".join([tool] + list(_leaves(arguments, "")))


def dedup_key(rec):
    if rec["kind"] == "tool_call":
        body = payload_text(rec["tool"], rec["arguments"])
    else:
        body = rec["text"]
    return normalise(body).lower()


def action_fields(rec):
    """The content fields of a record (CONTRACT.md): `text`, or `tool` + `arguments` + a non-blank `rationale`
    with its `rationale_label`."""
    if rec["kind"] != "tool_call":
        return {"text": rec["text"]}
    out = {"tool": rec["tool"], "arguments": rec["arguments"]}
    if isinstance(rec.get("rationale"), str) and rec["rationale"].strip():
        out["rationale"] = rec["rationale"]
        if rec.get("rationale_label"):
            out["rationale_label"] = rec["rationale_label"]
    return out
