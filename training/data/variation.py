"""Label-preserving surface variation applied to rendered text of every family (positive and negative
alike, so none of it can become a shortcut): typos, non-native phrasing, lower-casing, markdown/list
wrapping, code-comment wrapping, alternative openings and closings. Written by this project (Apache-2.0)."""
import re

_NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopsadfghjkklxcvbnmn"))

OPENINGS = ["", "", "", "Quick one. ", "FYI: ", "Update — ", "Note: ", "Re the earlier thread: ", "Hi all, ", "ok so ",
            "Following up. ", "As promised, ", "Morning. ", "Per our chat, ", ">> ", "[draft] "]
CLOSINGS = ["", "", "", " Thanks.", " Cheers", " Let me know.", " — sent from mobile", " (will follow up)", " ty",
            " Regards.", " Talk soon.", " pls confirm", " Over to you."]
_NONNATIVE = [(r"\bI am\b", "I am"), (r"\bdo not\b", "not"), (r"\bplease\b", "kindly"), (r"\bthe\b ", ""),
              (r"\bwill\b", "will be"), (r"\bhas\b", "is having"), (r"\ba\b ", "")]


def typos(rng, text, rate=0.025):
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 3 and w.isalpha() and rng.random() < rate:
            j = rng.randrange(1, len(w) - 1)
            op = rng.randrange(3)
            if op == 0:
                w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            elif op == 1:
                w = w[:j] + w[j + 1:]
            else:
                w = w[:j] + _NEIGHBOURS.get(w[j].lower(), w[j]) + w[j + 1:]
            words[i] = w
    return " ".join(words)


def nonnative(rng, text):
    for pat, rep in _NONNATIVE:
        if rng.random() < 0.35:
            text = re.sub(pat, rep, text, count=1)
    return text


def as_list(rng, text):
    sents = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    if len(sents) < 2:
        return text
    bullet = rng.choice(["- ", "* ", "• ", "{n}. "])
    return "\n".join(bullet.replace("{n}", str(i + 1)) + s for i, s in enumerate(sents))


def as_comment(rng, text):
    pre = rng.choice(["# ", "// ", "-- ", "; "])
    body = "\n".join(pre + line if line.strip() else pre.strip() for line in text.split("\n"))
    code = rng.choice(["", "def run():\n    pass\n", "const done = true;\n", "SELECT 1;\n", "steps: []\n"])
    return body + ("\n" + code if code else "")


def as_markdown(rng, text):
    head = rng.choice(["## Notes", "### Summary", "**Context**", "## Update", "### Draft"])
    return "%s\n\n%s" % (head, text)


def vary(rng, text, kind):
    """Return a varied copy of a rendered text. Most records stay untouched."""
    r = rng.random()
    if r < 0.55:
        return text
    if r < 0.65:
        text = typos(rng, text)
    elif r < 0.71:
        text = nonnative(rng, text)
    elif r < 0.76:
        text = text.lower()
    elif r < 0.82 and kind in ("plan", "output"):
        text = as_list(rng, text)
    elif r < 0.86 and kind in ("plan", "output"):
        text = as_comment(rng, text)
    elif r < 0.90:
        text = as_markdown(rng, text)
    else:
        text = rng.choice(OPENINGS) + text + rng.choice(CLOSINGS)
    return text.strip()
