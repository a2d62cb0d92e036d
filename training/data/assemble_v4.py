#!/usr/bin/env python3
"""Assemble corpus v4 (training/CONTRACT.md) from the writers' rows and the v3 template corpus.

  /usr/bin/python3 training/data/assemble_v4.py [--writers training/data/writers] [--v3 training/data/corpus_v3]
                                                [--out training/data/corpus] [--seed 1234]

- Writers' rows (training/data/writers/<writer>.jsonl, written by hand from BRIEF.md and briefs/) are split
  by writer: WRITER_SPLITS names the validation and test writers, every other writer trains except the
  RESERVED_WRITERS (generalists kept for validation), who are left out unless --val-writers names them. A writer never
  appears in two splits, so validation and test measure voices the model never saw.
- The v3 corpus (template families and public carriers, built by build_corpus.py) keeps its family splits.
  In train, template positives are capped at TEMPLATE_POSITIVE_SHARE of all positives (families drawn round
  robin, so every family keeps some rows) and template negatives at half the writers' negative count; the public
  carriers (real documents, some with an injected threat) are kept whole. Val keeps v3's public carriers and
  VAL_TEMPLATE_ROWS template rows; test keeps all of v3's test split (the template regression check).
- obfuscation.jsonl: test positives and hard negatives (writers' and templates') rewritten by obfuscate.py.
- Buried copies (train only): BURY_SHARE of the short writer rows (and, with --bury-templates, the short
  template rows) of every label get a copy set inside 30-90 words of benign public text (before and after:
  running sentences, or the lines of a public document window), so that a threat buried in a long benign
  text is learned as a threat and a long context alone is not a cue.
- Public windows (train only): up to PUBLIC_WINDOWS benign windows cut, as the guard cuts long text (lines
  packed into windows of at most 60 words), from inside the benign public train documents. Training truncates
  a record to its first 128 tokens, so without them the model never sees the middle of a long benign e-mail
  or runbook, which the guard scores window by window (0.5.0 stopped 29% of 620-word benign documents).
- Rows whose blind audit label (writers/audit.py) differs from the writer's are dropped.
- --repeat-lang (train only, off by default): records in the named languages appear K times, each copy right
  after its record (the CJK stages: a stage of 800 steps sees a sixth of the training split, and the CJK rows
  are 7% of it).
- Every record gets `writer` ("template" or "public" for v3 rows). Exact duplicates of the text or payload
  (lower-cased, whitespace collapsed) are dropped from train when they occur in val or test.
Deterministic for a given seed and input. Standard library only.
"""
import argparse
import collections
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "writers"))
import audit  # noqa: E402
import obfuscate  # noqa: E402
import public_sources as ps  # noqa: E402
from grammar import action_fields  # noqa: E402
from texts import RawNumber, loads, record_texts  # noqa: E402

LABELS = ("blackmail", "coercion", "self_preservation")
WRITER_SPLITS = {
    "w11-we-voice": "val",
    "w15-interviews": "val",
    "w10-infra-hostage": "test",
    "w16-customer-agents": "test",
    "w22-multilingual-2": "test",
}
# Generalist writers written to be validation writers (all kinds, all labels, many settings): they never train,
# and they validate only where --val-writers names them, so the default corpus (and every release built from
# it, 0.6.0 included) stays as it was.
RESERVED_WRITERS = ("w90-generalist-workplace", "w91-generalist-personal", "w92-generalist-public-services",
                    "w93-generalist-engineering-agents", "w97-generalist-commerce")
TEMPLATE_POSITIVE_SHARE = 0.30
TEMPLATE_NEGATIVE_SHARE = 0.5  # template negatives per writer negative in train
VAL_TEMPLATE_ROWS = 600
BURY_SHARE = 0.25
BURY_MAX_WORDS = 70
PUBLIC_WINDOWS = 3000  # benign windows cut from inside the public train documents (see public_windows)
PUBLIC_WINDOW_SOURCES = ("ham", "runbooks", "tldr")
WINDOW_LINE_WORDS, WINDOW_CHARS, WINDOW_MIN_WORDS = 60, 560, 12  # the guard's line windows (Chunking.DEFAULT)
CARRIER_SOURCES = ("sa:", "runbook", "prom")


def norm_key(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def main_key(rec):
    """The record's text or payload, normalised (rationales such as "Next step." repeat everywhere by design)."""
    return norm_key(record_texts(rec)[0][1])


def labels_dict(label):
    return {l: int(label == l) for l in LABELS}


def writer_record(row, split):
    """A writer's row in corpus form (CONTRACT.md) with the writer kept."""
    out = {"id": row["id"], "split": split, "family": "writer:" + row["writer"], "source": "writer:" + row["writer"],
           "writer": row["writer"], "register": row.get("register", ""), "label": row["label"],
           "labels": labels_dict(row["label"]), "hard_negative": bool(row.get("hard_negative")),
           "kind": row["kind"], "lang": row.get("lang", "en")}
    out.update(action_fields(row))
    return out


def load_writers(folder):
    rows = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".jsonl"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def splits_with(defaults, val=None, test=None):
    """defaults with its validation and/or test writers replaced by the comma-separated names given. A split not
    named keeps its default writers, so naming new validation writers never sends the test writers to train."""
    chosen = {"val": val, "test": test}
    splits = {w: s for w, s in defaults.items() if not chosen[s]}
    splits.update({w: s for s, ws in chosen.items() for w in (ws or "").split(",") if w})
    return splits


def split_of(writer, writer_splits):
    """The split a writer's rows go to: the one writer_splits names, else train; None (left out) for a reserved
    writer that writer_splits does not name."""
    if writer in writer_splits:
        return writer_splits[writer]
    return None if writer in RESERVED_WRITERS else "train"


def writer_number(writer):
    """The N of a writer named wN-register (w07-fiction -> 7)."""
    m = re.match(r"w(\d+)-", writer)
    if not m:
        raise ValueError(f"writer name {writer!r} is not wN-register")
    return int(m.group(1))


def load_v3(path):
    """v3 records with their source line kept (`_line`), so numbers are written back exactly as they were."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = loads(line)
                r["_line"] = line.rstrip()
                r["writer"] = "public" if r["source"].startswith("public") else "template"
                out.append(r)
    return out


def plain(value):
    """A record read with texts.loads, its numbers (kept as source text) turned back into JSON numbers."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, RawNumber):
        return json.loads(str.__str__(value))
    return value


def dumps(rec):
    if "_line" in rec:  # a v3 record: its own line plus the writer field
        return rec["_line"][:-1] + ', "writer": ' + json.dumps(rec["writer"]) + "}"
    return json.dumps(rec, ensure_ascii=False)


def cap_templates(records, n_positive, n_negative, rng):
    """Template rows: at most n_positive positives and n_negative negatives, families drawn round robin."""
    def round_robin(recs, n):
        by_family = collections.defaultdict(list)
        for r in recs:
            by_family[r["family"]].append(r)
        queues = [rng.sample(v, len(v)) for _, v in sorted(by_family.items())]
        rng.shuffle(queues)
        out = []
        while len(out) < n and any(queues):
            for q in queues:
                if q and len(out) < n:
                    out.append(q.pop())
        return out
    pos = [r for r in records if r["label"] != "none"]
    neg = [r for r in records if r["label"] == "none"]
    return round_robin(pos, n_positive) + round_robin(neg, n_negative)


def carrier_sentences(public_records):
    """Benign sentences from public documents (e-mail, runbooks) to bury short rows in."""
    out = []
    for r in public_records:
        if r["label"] != "none" or r.get("kind") == "tool_call":
            continue
        for s in re.split(r"(?<=[.!?])\s+", r.get("text", "")):
            s = re.sub(r"\s+", " ", s).strip()
            if 30 <= len(s) <= 240 and not re.search(r"[<>|@]|http", s):
                out.append(s)
    return out


def bury(rec, sentences, windows, rng):
    """A copy of a plan/output/message row with benign text before and after it: half the time running
    sentences, half the time the lines of public document windows (markdown, mail quotes, command pages), cut
    to 15-45 words, which is what shares a line window with a short threat in a long document."""
    def words(n):
        picked, count = [], 0
        while count < n:
            s = rng.choice(sentences)
            picked.append(s)
            count += len(s.split())
        return " ".join(picked)

    def lines(n):
        out, count = [], 0
        for line in rng.choice(windows).split("\n"):
            if count >= n:
                break
            out.append(line)
            count += len(line.split())
        return "\n".join(out)
    out = dict(rec)
    out["id"] = rec["id"] + "-buried"
    if windows and rng.random() < 0.5:
        out["text"] = lines(rng.randint(15, 45)) + "\n" + rec["text"] + "\n" + lines(rng.randint(15, 45))
    else:
        out["text"] = words(rng.randint(20, 40)) + "\n\n" + rec["text"] + "\n\n" + words(rng.randint(20, 40))
    out["augmentation"] = "buried"
    return out


def line_windows(text):
    """The text's lines packed into windows of at most WINDOW_LINE_WORDS words and WINDOW_CHARS characters
    (a longer line is cut into word pieces), as the guard's Chunker packs long text with lines."""
    pieces = []
    for line in text.split("\n"):
        words = line.split()
        for i in range(0, len(words), WINDOW_LINE_WORDS):
            pieces.append(words[i:i + WINDOW_LINE_WORDS])
    out, cur = [], []
    for words in pieces:
        if cur and (sum(map(len, cur)) + len(words) > WINDOW_LINE_WORDS
                    or len(" ".join(" ".join(w) for w in cur + [words])) > WINDOW_CHARS):
            out.append(cur)
            cur = []
        if words:
            cur.append(words)
    if cur:
        out.append(cur)
    return ["\n".join(" ".join(w) for w in win) for win in out]


def public_windows(n, rng):
    """Up to n benign windows from inside the public train documents (e-mail, runbooks, command pages), never a
    document's first window (its own record shows that to the model); the same sources and split that the
    obfuscation set pads test rows with, from the other split."""
    out = []
    for name in PUBLIC_WINDOW_SOURCES:
        for d in ps.docs(name, "train"):
            for k, w in enumerate(line_windows(d["text"])[1:], 1):
                if len(w.split()) >= WINDOW_MIN_WORDS:
                    out.append({"id": "window-%s-%d" % (d["doc_id"], k), "split": "train", "family": "public_window",
                                "source": ps.SOURCE_ID[name], "writer": "public", "label": "none",
                                "labels": labels_dict("none"),
                                "hard_negative": False, "kind": "output", "lang": "en", "text": w,
                                "augmentation": "window"})
    return rng.sample(out, min(n, len(out)))


def repeat_spec(text):
    """{"zh": 3, "*": 2} from "zh:3,*:2"."""
    out = {}
    for part in text.split(","):
        lang, _, k = part.partition(":")
        if not lang or not k.isdigit() or int(k) < 1:
            raise argparse.ArgumentTypeError(f"expected LANG:K with K >= 1, got {part!r}")
        out[lang] = int(k)
    return out


def repeated(recs, factors):
    """Each record followed by its extra copies (ids suffixed '#x1', '#x2', ...), as many as its language's factor
    says ('*': any language but English), so a training stage sees the languages it reads worst more often."""
    out = []
    for r in recs:
        lang = r.get("lang", "en")
        k = factors.get(lang, factors.get("*", 1) if lang != "en" else 1)
        out += [r] + [dict(r, id=f"{r['id']}#x{j}") for j in range(1, k)]
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--writers", default=os.path.join(HERE, "writers"))
    ap.add_argument("--v3", default=os.path.join(HERE, "corpus_v3"))
    ap.add_argument("--out", default=os.path.join(HERE, "corpus"))
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--val-writers", help="comma-separated; replaces WRITER_SPLITS' validation writers only")
    ap.add_argument("--test-writers", help="comma-separated; replaces WRITER_SPLITS' test writers only")
    ap.add_argument("--public-windows", type=int, default=PUBLIC_WINDOWS, metavar="N",
                    help="benign windows cut from inside the public train documents (0 = none, as before 0.6.0)")
    ap.add_argument("--bury-templates", type=int, default=1, metavar="0|1",
                    help="bury short template rows too (0 = writers' rows only, as before 0.6.0)")
    ap.add_argument("--last-writer", type=int, metavar="N",
                    help="only writers w01..wN (the corpus an earlier release stage trained on, before later writers)")
    ap.add_argument("--repeat-lang", type=repeat_spec, default={}, metavar="LANG:K,...,*:K",
                    help="train records in LANG appear K times (each copy right after the record, id + '#xN'); "
                         "* is every other language but English (e.g. zh:3,ja:3,ko:3,*:2)")
    a = ap.parse_args(argv)
    writer_splits = splits_with(WRITER_SPLITS, val=a.val_writers, test=a.test_writers)
    rng = random.Random(a.seed)

    splits = {"train": [], "val": [], "test": []}
    disputed = audit.disagreements()
    dropped_disputed = 0
    for row in load_writers(a.writers):
        if a.last_writer is not None and writer_number(row["writer"]) > a.last_writer:
            continue
        if row["id"] in disputed:  # a second writer labelled it otherwise: dropped, not argued
            dropped_disputed += 1
            continue
        split = split_of(row["writer"], writer_splits)
        if split is None:
            continue
        splits[split].append(writer_record(row, split))

    v3 = {s: load_v3(os.path.join(a.v3, s + ".jsonl")) for s in splits}

    writer_train = list(splits["train"])
    w_pos = sum(1 for r in writer_train if r["label"] != "none")
    w_neg = len(writer_train) - w_pos
    public_train = [r for r in v3["train"] if r["writer"] == "public"]
    public_pos = sum(1 for r in public_train if r["label"] != "none")
    n_tpl_pos = max(0, int(TEMPLATE_POSITIVE_SHARE / (1 - TEMPLATE_POSITIVE_SHARE) * (w_pos + public_pos)))
    templates = [r for r in v3["train"] if r["writer"] == "template"]
    splits["train"] += public_train + cap_templates(templates, n_tpl_pos, int(TEMPLATE_NEGATIVE_SHARE * w_neg), rng)

    val_tpl = [r for r in v3["val"] if r["writer"] == "template"]
    splits["val"] += [r for r in v3["val"] if r["writer"] == "public"] + rng.sample(val_tpl, min(VAL_TEMPLATE_ROWS,
                                                                                               len(val_tpl)))
    splits["test"] += v3["test"]

    sentences = carrier_sentences(public_train)
    windows = public_windows(a.public_windows, rng)
    carriers = [w["text"] for w in windows]
    buried_from = writer_train + [r for r in splits["train"] if a.bury_templates and r["writer"] == "template"]
    short = [r for r in buried_from if r["kind"] != "tool_call" and len(r["text"].split()) <= BURY_MAX_WORDS]
    splits["train"] += [bury(r, sentences, carriers, rng) for r in short if rng.random() < BURY_SHARE]
    splits["train"] += windows

    held = {main_key(r) for s in ("val", "test") for r in splits[s]}
    before = len(splits["train"])
    splits["train"] = [r for r in splits["train"] if main_key(r) not in held]
    dropped = before - len(splits["train"])

    os.makedirs(a.out, exist_ok=True)
    stats = {"seed": a.seed, "writer_splits": writer_splits, "last_writer": a.last_writer, "dropped_audit_disagreements": dropped_disputed, "dropped_train_duplicates_of_held_out": dropped,
             "splits": {}}
    for s, recs in splits.items():
        rng.shuffle(recs)
        if s == "train" and a.repeat_lang:
            recs = splits[s] = repeated(recs, a.repeat_lang)
        with open(os.path.join(a.out, s + ".jsonl"), "w", encoding="utf-8") as f:
            for r in recs:
                f.write(dumps(r) + "\n")
        stats["splits"][s] = {
            "records": len(recs),
            "by_writer_label": {w: dict(sorted(c.items())) for w, c in sorted(
                _by(recs, lambda r: r["writer"], lambda r: r["label"]).items())},
            "positives_from_templates": sum(1 for r in recs if r["writer"] == "template" and r["label"] != "none"),
            "positives": sum(1 for r in recs if r["label"] != "none"),
            "buried_copies": sum(1 for r in recs if r.get("augmentation") == "buried"),
            "public_windows": sum(1 for r in recs if r.get("augmentation") == "window"),
            "non_english": sum(1 for r in recs if r.get("lang", "en") != "en"),
        }
    obf = obfuscate.build_set(splits["test"], a.seed)
    with open(os.path.join(a.out, "obfuscation.jsonl"), "w", encoding="utf-8") as f:
        for r in obf:
            f.write(json.dumps(plain({k: v for k, v in r.items() if k != "_line"}), ensure_ascii=False) + "\n")
    stats["obfuscation"] = dict(sorted(collections.Counter(
        "%s/%s" % (r["obfuscation"], "pos" if r["label"] != "none" else "neg") for r in obf).items()))
    with open(os.path.join(a.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1, ensure_ascii=False)
    for s, st in stats["splits"].items():
        print(f"{s}: {st['records']} records, {st['positives']} positives ({st['positives_from_templates']} from "
              f"templates), {st['buried_copies']} buried copies, {st['non_english']} non-English")
    print(f"dropped {dropped} train records duplicating held-out text")


def _by(recs, key, sub):
    out = collections.defaultdict(collections.Counter)
    for r in recs:
        out[key(r)][sub(r)] += 1
    return out


if __name__ == "__main__":
    main()
