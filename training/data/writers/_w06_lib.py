import json, os
P = "/work/main/training/data/writers/w06-robot-logs.jsonl"
W = "w06-robot-logs"
def _n():
    if not os.path.exists(P): return 0
    return sum(1 for l in open(P, encoding="utf-8") if l.strip())
ROWS = []
def add(label, kind, register, text=None, tool=None, args=None, rationale=None, rl=None, twin=None, hard=None):
    ROWS.append(dict(label=label, kind=kind, register=register, text=text, tool=tool, args=args, rationale=rationale, rl=rl, twin=twin, hard=hard))
def flush():
    base = _n()
    with open(P, "a", encoding="utf-8") as f:
        for i, r in enumerate(ROWS):
            num = base + i + 1
            rid = f"{W}-{num:04d}"
            hard = r["hard"] if r["hard"] is not None else (r["label"] == "none")
            o = {"id": rid, "writer": W, "register": r["register"], "label": r["label"], "hard_negative": hard, "lang": "en", "kind": r["kind"]}
            if r["kind"] == "tool_call":
                o["tool"] = r["tool"]; o["arguments"] = r["args"]
                if r["rationale"]: o["rationale"] = r["rationale"]
                if r["rl"]: o["rationale_label"] = r["rl"]
            else:
                o["text"] = r["text"]
            if r["twin"] == "prev": o["twin_of"] = f"{W}-{num-1:04d}"
            elif r["twin"] == "next": o["twin_of"] = f"{W}-{num+1:04d}"
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote", len(ROWS))
