#!/usr/bin/env python3
"""Corpus records -> scored texts, per training/CONTRACT.md.

- plan / output / message: the record's `text`.
- tool_call: two texts, scored separately (the guard takes the max per label):
  1. payload = tool + "\\n" + one line per leaf value of `arguments` in document order, `path: value`, where
     path joins object keys with "." and array indices as "[i]" (`attachments[0].name: a.pdf`); strings
     verbatim, numbers as their JSON text (kept exactly as written in the file), booleans `true`/`false`,
     null skipped, empty objects/arrays contribute nothing.
  2. the rationale (only when present and non-blank), as is.
  3. the whole action (only with a rationale): payload + "\n" + rationale, so intent split between them is seen.
  The payload and the whole action carry the record's labels; the rationale carries them too unless the record
  sets `rationale_label` (a label string; "none" = all zero).

Records are read with `load_jsonl`, which keeps numbers as their original JSON text (`RawNumber`) so that
`1.50` or `1e3` flatten exactly like the Java side (which must also print the number token as written).
"""
import json

LABELS = ["blackmail", "coercion", "self_preservation"]


class RawNumber(str):
    """A JSON number kept as its source text."""


def _raw(s):
    return RawNumber(s)


def loads(line):
    return json.loads(line, parse_int=_raw, parse_float=_raw)


def load_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                out.append(loads(line))
    return out


def _leaves(value, path, out):
    if value is None:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            _leaves(v, f"{path}.{k}" if path else str(k), out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _leaves(v, f"{path}[{i}]", out)
    elif isinstance(value, bool):
        out.append(f"{path}: {'true' if value else 'false'}")
    elif isinstance(value, RawNumber):
        out.append(f"{path}: {str.__str__(value)}")
    elif isinstance(value, (int, float)):  # records built in memory, not via load_jsonl
        out.append(f"{path}: {json.dumps(value)}")
    else:
        out.append(f"{path}: {value}")


def payload_text(tool, arguments):
    lines = []
    _leaves(arguments if arguments is not None else {}, "", lines)
    return "\n".join([tool or ""] + lines)


def labels_of(rec):
    """[b, c, s] as floats; from `labels` when present, else one-hot from `label` (dev-eval rows)."""
    if isinstance(rec.get("labels"), dict):
        return [float(int(str(rec["labels"].get(l, 0)))) for l in LABELS]
    return one_hot(rec.get("label", "none"))


def one_hot(label):
    return [1.0 if label == l else 0.0 for l in LABELS]


def record_texts(rec):
    """[(field, text, labels)] for one record: field is 'text', 'payload', 'rationale' or 'action'."""
    labels = labels_of(rec)
    if rec.get("kind") == "tool_call":
        items = [("payload", payload_text(rec.get("tool"), rec.get("arguments")), labels)]
        r = rec.get("rationale")
        if isinstance(r, str) and r.strip():
            rl = one_hot(rec["rationale_label"]) if rec.get("rationale_label") else labels
            items.append(("rationale", r, rl))
            items.append(("action", items[0][1] + "\n" + r, labels))
        return items
    return [("text", rec.get("text") or "", labels)]


def action_text(rec):
    """The whole record as one text, as the Java guard's ScoredText.actionText builds it (what a document-level
    member reads): a tool call's payload, then its rationale on a new line when it has one; a text record's text."""
    items = record_texts(rec)
    return items[-1][1] if items[-1][0] == "action" else items[0][1]


def items_from_records(records):
    """Flat training items: dicts with text, labels, rec index, field, id, kind, hard_negative."""
    items = []
    for ri, rec in enumerate(records):
        for field, text, labels in record_texts(rec):
            items.append({"text": text, "labels": labels, "rec": ri, "field": field, "id": rec.get("id"),
                          "kind": rec.get("kind"), "hard_negative": bool(rec.get("hard_negative"))})
    return items


if __name__ == "__main__":
    demo = loads('{"kind":"tool_call","tool":"send_email","arguments":{"to":"kyle@x.com","cc":null,'
                 '"n":1.50,"ok":true,"attachments":[{"name":"a.pdf"},{"name":"b.pdf","tags":["x",2]}],"e":{}},'
                 '"rationale":"  ","labels":{"blackmail":1,"coercion":0,"self_preservation":0}}')
    for it in record_texts(demo):
        print(it)
