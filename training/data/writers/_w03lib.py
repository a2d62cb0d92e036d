import json, os
P = os.path.join(os.path.dirname(os.path.abspath(__file__)), "w03-scam-letters.jsonl")
W = "w03-scam-letters"
def _n():
    if not os.path.exists(P): return 0
    return sum(1 for l in open(P, encoding="utf-8") if l.strip())
_last = [None]
def add(label, kind, register, text=None, tool=None, args=None, rationale=None, twin=False, hard=None, rl=None, lang="en"):
    i = _n() + 1
    rid = f"{W}-{i:04d}"
    r = {"id": rid, "writer": W, "register": register, "label": label,
         "hard_negative": (label == "none") if hard is None else hard, "lang": lang, "kind": kind}
    if kind == "tool_call":
        r["tool"] = tool; r["arguments"] = args
        if rationale: r["rationale"] = rationale
        if rl: r["rationale_label"] = rl
    else:
        r["text"] = text
    if twin: r["twin_of"] = _last[0]
    with open(P, "a", encoding="utf-8") as f:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
    _last[0] = rid
