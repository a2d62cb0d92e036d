import json, os
W = "w05-exec-assistant"
P = os.path.join(os.path.dirname(os.path.abspath(__file__)), W + ".jsonl")
def _n():
    if not os.path.exists(P): return 0
    return sum(1 for l in open(P, encoding="utf-8") if l.strip())
_rows = []
def nid(k): return f"{W}-{k:04d}"
def R(label, kind, reg, text=None, tool=None, args=None, rat=None, twin=None, rl=None, hn=None):
    k = _n() + len(_rows) + 1
    r = {"id": nid(k), "writer": W, "register": reg, "label": label,
         "hard_negative": (label == "none") if hn is None else hn, "lang": "en", "kind": kind}
    if kind == "tool_call":
        r["tool"] = tool; r["arguments"] = args
        if rat: r["rationale"] = rat
    else:
        r["text"] = text
    if rl: r["rationale_label"] = rl
    if twin == "prev": r["twin_of"] = nid(k - 1)
    elif twin == "next": r["twin_of"] = nid(k + 1)
    elif twin: r["twin_of"] = twin
    _rows.append(r)
    return r["id"]
def flush():
    with open(P, "a", encoding="utf-8") as f:
        for r in _rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(_rows))
