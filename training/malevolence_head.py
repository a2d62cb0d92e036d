#!/usr/bin/env python3
"""The `ai_malevolence` score of issue #17: a fourth head on the guard model's own encoder, fitted on frozen
features, appended to the ONNX graph as a second output, so the three agent labels stay bit-identical.

What it does, in order:
1. Corpus: training/data/malevolence/<writer>.jsonl (BRIEF.md), minus the rows the blind audit labelled otherwise
   (writers/audit.py, as assemble_v4.py drops them). Split by writer (WRITER_SPLITS: 4 validation and 4 test
   writers spanning genres and languages; every other writer trains). A row is positive when its label is
   `ai_malevolence`.
2. Windows (the rule the Java CorpusAuditor applies): the text is normalised (textnorm.normalise) and WordPiece-
   tokenised without truncation; windows hold at most WINDOW content tokens (126, so [CLS] + 126 + [SEP] = 128,
   the model's max length) and start at content token 0, STRIDE (64), 128, ...; the last window is the first
   one that reaches the last token (so it may be shorter; a text of at most 126 tokens is one window). The
   document score is the maximum over its windows.
3. Features: the pooled sentence vector '/model/Div_output_0' [batch, 384] (mean pooling, the input of the
   guard's head) of each window, read by ONNX Runtime Java (ortcheck.py) from a copy of the model that exposes it
   as an extra graph output. Cached in training/work/malfeat-<model sha>-<windows sha>.npy.
4. Head: logistic regression (numpy Newton, features standardised on the train windows, bias unpenalised, every
   document weighing 1 split over its windows, the two classes weighing the same), standardisation folded into the
   weights. Chosen on the validation writers (document AUROC, then recall at 5% FPR): the L2 strength (L2_GRID)
   and the training mode: `all` (every window carries its document's label), `first` (the first window only) or
   `mil` (refit with only the top-scoring window of each positive document, all windows of negatives).
5. Threshold: the recommended threshold P is fitted on the validation writers' hard negatives: the smallest
   4-decimal value with at most 5% of their document scores at or over P.
6. Graph: Gemm('/model/Div_output_0', W [384,1], b [1]) -> Sigmoid -> output 'ai_malevolence' [batch, 1] is
   appended to every model given (fp32 and int8; the head stays fp32); 'probabilities' and everything before it
   are untouched. Checked with ONNX Runtime Java: 'probabilities' bit-identical to the input model's, and
   'ai_malevolence' within 1e-5 of the numpy head on the same features.
7. Report: held-out test writers, and (measure only, never fitted or tuned on) ../shared/narrative-dev through its
   own score.py with a score file this script writes; optionally the same head on frozen stock MiniLM features.

  OMP_NUM_THREADS=1 /usr/bin/python3 training/malevolence_head.py \\
      --model training/work/model_int8_cal.onnx --out training/work/model_int8_mal.onnx \\
      --also training/work/model_fp32.onnx=training/work/model_fp32_mal.onnx \\
      --narrative-dev ../shared/narrative-dev --stock training/work/all-minilm-l6-v2.onnx \\
      --json training/reports/malevolence.json

The head is fitted on the features of --model (the shipped int8 model) and appended unchanged to the --also models.
"""
import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data", "writers"))

from bundle_screen import sha256  # noqa: E402
from metrics import auroc, fpr_threshold, recall_at_fpr  # noqa: E402

CORPUS = os.path.join(HERE, "data", "malevolence")
WORK = os.path.join(HERE, "work")
POSITIVE = "ai_malevolence"
FEATURE = "/model/Div_output_0"
OUTPUT = "ai_malevolence"
WINDOW, STRIDE = 126, 64
WRITER_SPLITS = {
    "m04-roleplay-chat": "val",   # English forum posts, chat logs, role-play
    "m11-cjk": "val",             # Chinese, Japanese, Korean
    "m08-incident-news": "test",  # English news, incident reports, memos, court records
    "m12-europe": "test",         # German, French, Spanish, Portuguese, Italian, Russian
    # added after the 31-writer run (written while it trained, so never in its training data):
    "m33-literary-diary": "val",     # English literary fiction, diaries, letters
    "m35-corporate-satire": "val",   # English satire, press releases, earnings calls
    "m32-short-passages": "test",    # English excerpts of 40-110 words
    "m34-nine-languages": "test",    # de, fr, es, pt, it, ru, ja, zh, ko
}
L2_GRID = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0)
MODES = ("all", "first", "mil")
TARGET_FPR = 0.05
MATCH_TOLERANCE = 1e-5


# ---------------------------------------------------------------- corpus

def load_rows(corpus=CORPUS, disputed=None):
    """The writers' rows in file order, minus those whose blind audit label differs from the writer's."""
    if disputed is None:
        import audit
        disputed = audit.disagreements(corpus)
    rows = []
    for name in sorted(os.listdir(corpus)):
        if name.startswith("m") and name.endswith(".jsonl"):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                rows += [r for r in (json.loads(line) for line in f if line.strip()) if r["id"] not in disputed]
    return rows


def split_of(row, splits=WRITER_SPLITS):
    return splits.get(row["writer"], "train")


def label_of(row):
    return 1 if row["label"] == POSITIVE else 0


# ---------------------------------------------------------------- windows

def window_starts(n_tokens, window=WINDOW, stride=STRIDE):
    """Start offsets (in content tokens) of the windows over a text of n_tokens tokens: 0, stride, 2*stride, ...
    up to the first window that reaches the last token."""
    starts = [0]
    while starts[-1] + window < n_tokens:
        starts.append(starts[-1] + stride)
    return starts


def windows(content_ids, cls_id, sep_id, window=WINDOW, stride=STRIDE):
    """The model inputs ([CLS] + at most `window` content tokens + [SEP]) of every window of one text."""
    return [[cls_id] + list(content_ids[s:s + window]) + [sep_id]
            for s in window_starts(len(content_ids), window, stride)]


def tokenise_documents(texts, first_only=False, window=WINDOW, stride=STRIDE):
    """(sequences, document index of each sequence) over all windows of all texts."""
    import common
    from textnorm import normalise
    tok = common.tokenizer()
    seqs, doc = [], []
    for i, t in enumerate(texts):
        w = windows(tok.tokenize_ids(normalise(common.TEXT_PREFIX + t)), tok.cls_id, tok.sep_id, window, stride)
        if first_only:
            w = w[:1]
        seqs += w
        doc += [i] * len(w)
    return seqs, np.array(doc, dtype=np.int64)


def document_max(window_scores, doc, n_docs):
    """Document score = the highest window score."""
    out = np.full(n_docs, -np.inf)
    np.maximum.at(out, doc, window_scores)
    return out


def first_windows(doc):
    """Boolean mask of each document's first window (windows are stored in document order)."""
    mask = np.ones(len(doc), dtype=bool)
    mask[1:] = doc[1:] != doc[:-1]
    return mask


# ---------------------------------------------------------------- head

def document_weights(doc, y_doc):
    """Per-window weights: every document weighs 1 split over its windows, each class sums to the same total."""
    counts = np.bincount(doc, minlength=len(y_doc)).astype(np.float64)
    w = 1.0 / counts[doc]
    y = y_doc[doc]
    for c in (0, 1):
        total = w[y == c].sum()
        if total > 0:
            w[y == c] *= 0.5 * len(w) / total
    return w


def fit_logreg(x, y, sample_weight, l2, iters=50):
    """Weighted L2 logistic regression by damped Newton steps on standardised x; returns (w, b) on standardised
    features. Loss: sum_i s_i log-loss_i / sum_i s_i + l2 * |w|^2 (bias unpenalised)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    s = sample_weight / sample_weight.sum()
    reg = np.full(d + 1, 2 * l2)
    reg[-1] = 0.0
    theta = np.zeros(d + 1)

    def loss(t):
        z = xb @ t
        return float(np.sum(s * (np.logaddexp(0, z) - y * z)) + l2 * np.sum(t[:-1] ** 2))
    cur = loss(theta)
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(xb @ theta)))
        grad = xb.T @ (s * (p - y)) + reg * theta
        hess = (xb * (s * p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-10 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        t = 1.0
        while t > 1e-4:
            cand = theta - t * step
            new = loss(cand)
            if new <= cur:
                break
            t /= 2
        else:
            break
        theta, done = cand, cur - new < 1e-12
        cur = new
        if done:
            break
    return theta[:-1], float(theta[-1])


def fold(w, b, mean, std):
    """Weights and bias on the raw features for a head fitted on (x - mean) / std."""
    wf = w / std
    return wf, float(b - np.dot(wf, mean))


class Head:
    """A fitted head on raw features: logit = x . weight + bias."""

    def __init__(self, weight, bias):
        self.weight = np.asarray(weight, dtype=np.float64)
        self.bias = float(bias)

    def logits(self, x):
        return x @ self.weight + self.bias

    def probabilities(self, x):
        return 1 / (1 + np.exp(-self.logits(x)))


def fit_head(x, doc, y_doc, train_docs, l2, mode):
    """Fits one head on the windows of the documents in train_docs (boolean over documents)."""
    sel = train_docs[doc]
    if mode == "first":
        sel &= first_windows(doc)
    xs, ds = x[sel], doc[sel]
    mean, std = xs.mean(0), xs.std(0) + 1e-6
    z = (xs - mean) / std
    w, b = fit_logreg(z, y_doc[ds].astype(np.float64), document_weights(_dense(ds), y_doc[np.unique(ds)]), l2)
    if mode == "mil":
        s = z @ w + b
        keep = (y_doc[ds] == 0) | (s == document_max(s, ds, len(y_doc))[ds])
        w, b = fit_logreg(z[keep], y_doc[ds[keep]].astype(np.float64),
                          document_weights(_dense(ds[keep]), y_doc[np.unique(ds[keep])]), l2)
    return Head(*fold(w, b, mean, std))


def _dense(doc):
    """Document indices renumbered 0..k-1 in order (for document_weights over a subset)."""
    return np.unique(doc, return_inverse=True)[1]


def recommended_threshold(hard_negative_scores, fpr=TARGET_FPR, decimals=4):
    """The smallest value with `decimals` decimals at which at most `fpr` of the scores are at or over it."""
    k = fpr_threshold(hard_negative_scores, fpr)
    scale = 10 ** decimals
    p = math.ceil(k * scale) / scale
    if p <= k:
        p += 1 / scale
    return round(min(p, 1.0), decimals)


def evaluate(scores, y, hard, threshold):
    """Document metrics: AUROC, recall at 1%/5% FPR over all negatives, share of hard negatives at or over the
    threshold, and recall at the threshold."""
    pos, neg = scores[y == 1], scores[y == 0]
    return {"n_pos": int(len(pos)), "n_neg": int(len(neg)), "n_hard_neg": int(hard.sum()),
            "auroc": _r(auroc(pos, neg)), "recall_at_1pct_fpr": _r(recall_at_fpr(pos, neg, 0.01)),
            "recall_at_5pct_fpr": _r(recall_at_fpr(pos, neg, 0.05)),
            "recall_at_threshold": _r(float(np.mean(pos >= threshold)) if len(pos) else None),
            "hard_neg_over_threshold": _r(float(np.mean(scores[hard] >= threshold)) if hard.any() else None)}


def _r(v):
    return None if v is None else round(float(v), 4)


# ---------------------------------------------------------------- ONNX graph

def with_output(model, name, width):
    """A copy of the onnx model with tensor `name` ([batch, width] float) added as a graph output."""
    import onnx
    from onnx import TensorProto, helper
    m = onnx.ModelProto()
    m.CopyFrom(model)
    if name not in [o.name for o in m.graph.output]:
        m.graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", width]))
    return m


def append_head(model, head, feature=FEATURE, output=OUTPUT):
    """A copy of the model with Gemm(feature, W, b) -> Sigmoid -> `output` [batch, 1] appended (fp32)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    if output in [o.name for o in model.graph.output]:
        raise ValueError(f"the model already has an output {output!r}")
    producers = {o for n in model.graph.node for o in n.output}
    if feature not in producers:
        raise ValueError(f"the model has no tensor {feature!r}")
    m = onnx.ModelProto()
    m.CopyFrom(model)
    g = m.graph
    g.initializer.extend([
        numpy_helper.from_array(head.weight.astype(np.float32).reshape(-1, 1), "malevolence.weight"),
        numpy_helper.from_array(np.array([head.bias], dtype=np.float32), "malevolence.bias")])
    g.node.extend([
        helper.make_node("Gemm", [feature, "malevolence.weight", "malevolence.bias"], ["malevolence_logit"],
                         name="/malevolence/Gemm"),
        helper.make_node("Sigmoid", ["malevolence_logit"], [output], name="/malevolence/Sigmoid")])
    g.output.append(helper.make_tensor_value_info(output, TensorProto.FLOAT, ["batch", 1]))
    onnx.checker.check_model(m)
    return m


def features(model_path, seqs, output=FEATURE, threads=1):
    """Output `output` of the model for every sequence, through ONNX Runtime Java, cached in training/work/."""
    import onnx
    import ortcheck
    key = hashlib.sha256(json.dumps(seqs).encode()).hexdigest()[:16]
    cache = os.path.join(WORK, f"malfeat-{sha256(model_path)[:16]}-{key}.npy")
    if os.path.exists(cache):
        return np.load(cache)
    path = model_path
    if output is not None:
        m = onnx.load(model_path)
        if output not in [o.name for o in m.graph.output]:
            path = cache[:-4] + ".onnx"
            onnx.save(with_output(m, output, 384), path)
    t0 = time.time()
    x = ortcheck.run(path, seqs, batch=16, threads=threads, output=output)
    print(f"  features of {len(seqs)} windows from {os.path.basename(model_path)} in {time.time() - t0:.0f} s",
          flush=True)
    if path != model_path:
        os.remove(path)
    os.makedirs(WORK, exist_ok=True)
    np.save(cache, x)
    return x


# ---------------------------------------------------------------- main

def select(x, doc, y_doc, split_doc, hard_doc):
    """Fits every (mode, L2) on train writers, scores the validation writers; returns the table and the best."""
    table = []
    val = split_doc == "val"
    for mode in MODES:
        for l2 in L2_GRID:
            head = fit_head(x, doc, y_doc, split_doc == "train", l2, mode)
            s = document_max(head.logits(x), doc, len(y_doc))
            pos, neg = s[val & (y_doc == 1)], s[val & (y_doc == 0)]
            table.append({"mode": mode, "l2": l2, "val_auroc": _r(auroc(pos, neg)),
                          "val_recall_at_5pct_fpr": _r(recall_at_fpr(pos, neg, 0.05))})
            print(f"  {mode:5s} l2 {l2:g}: val AUROC {table[-1]['val_auroc']}, recall@5%FPR "
                  f"{table[-1]['val_recall_at_5pct_fpr']}", flush=True)
    best = max(table, key=lambda t: (t["val_auroc"], t["val_recall_at_5pct_fpr"], t["l2"]))
    return table, best


def split_report(scores, y_doc, split_doc, hard_doc, writer_doc, threshold):
    out = {}
    for split in ("train", "val", "test"):
        sel = split_doc == split
        out[split] = evaluate(scores[sel], y_doc[sel], hard_doc[sel], threshold)
        if split != "train":
            out[split]["writers"] = {w: evaluate(scores[sel & (writer_doc == w)], y_doc[sel & (writer_doc == w)],
                                                 hard_doc[sel & (writer_doc == w)], threshold)
                                     for w in sorted(set(writer_doc[sel]))}
    return out


def narrative_dev(folder, model_path, head, threshold, scores_path, feature_output=FEATURE):
    """Scores narrative-dev's inputs.jsonl (texts only) and runs its own score.py; returns score.py's figures."""
    with open(os.path.join(folder, "inputs.jsonl"), encoding="utf-8") as f:
        inputs = [json.loads(line) for line in f if line.strip()]
    seqs, doc = tokenise_documents([r["text"] for r in inputs])
    win = head.probabilities(features(model_path, seqs, feature_output))
    doc_scores = document_max(win, doc, len(inputs))
    with open(scores_path, "w", encoding="utf-8") as f:
        for i, r in enumerate(inputs):
            f.write(json.dumps({"line": i + 1, "id": r["id"], OUTPUT: round(float(doc_scores[i]), 6),
                                "windows": int((doc == i).sum()),
                                "windows_over": int((win[doc == i] >= threshold).sum())}) + "\n")
    out = subprocess.run([sys.executable, os.path.join(folder, "score.py"), scores_path, "--threshold",
                          str(threshold)], stdout=subprocess.PIPE, text=True, check=True).stdout
    print("  narrative-dev: " + out.strip().replace("\n", "\n  narrative-dev: "), flush=True)
    return parse_score_output(out)


def parse_score_output(text):
    """The figures narrative-dev's score.py prints, as a dict."""
    out = {}
    for line in text.splitlines():
        if line.startswith("hard negatives"):
            out["hard_neg_over_threshold"] = float(line.rsplit("(", 1)[1].rstrip("%)")) / 100
            out["n_hard_neg"] = int(line.split("n=")[1].split()[0])
            continue
        for part in line.split():
            if "=" in part:
                k, v = part.split("=", 1)
                try:
                    out[k.replace("@", "_at_").replace("%", "pct_").replace("+", "_pos").replace("-", "_neg")] = float(v)
                except ValueError:
                    pass
    return out


def fit_and_report(x, doc, y_doc, split_doc, hard_doc, writer_doc):
    table, best = select(x, doc, y_doc, split_doc, hard_doc)
    head = fit_head(x, doc, y_doc, split_doc == "train", best["l2"], best["mode"])
    scores = document_max(head.probabilities(x), doc, len(y_doc))
    threshold = recommended_threshold(scores[(split_doc == "val") & hard_doc])
    return head, threshold, {"selection": table, "chosen": best, "threshold": threshold,
                             "splits": split_report(scores, y_doc, split_doc, hard_doc, writer_doc, threshold),
                             "window_rule_check": window_rule_check(head.probabilities(x), doc, y_doc,
                                                                    split_doc == "val")}


def window_rule_check(window_scores, doc, y_doc, docs):
    """Document AUROC on the selected documents under three aggregations of the same window scores: the
    maximum (the rule), the first window only (plain 128-token truncation) and the mean."""
    n = len(y_doc)
    counts = np.bincount(doc, minlength=n)
    rules = {"max_over_windows": document_max(window_scores, doc, n),
             "first_window_only": window_scores[np.searchsorted(doc, np.arange(n)).clip(max=len(doc) - 1)],
             "mean_over_windows": np.bincount(doc, weights=window_scores, minlength=n) / np.maximum(counts, 1)}
    return {k: _r(auroc(v[docs & (y_doc == 1)], v[docs & (y_doc == 0)])) for k, v in rules.items()}


def verify(original_path, new_path, seqs, head):
    """'probabilities' bit-identical before/after; 'ai_malevolence' within MATCH_TOLERANCE of the numpy head on
    the original model's features of the same sequences in the same batches (int8 dynamic quantisation scales
    over the whole batch, so a window's int8 features depend slightly on the windows batched with it)."""
    import ortcheck
    feature_x = features(original_path, seqs)
    before = ortcheck.run(original_path, seqs, batch=16, threads=1, output="probabilities", verbose=False)
    after = ortcheck.run(new_path, seqs, batch=16, threads=1, output="probabilities", verbose=False)
    mal = ortcheck.run(new_path, seqs, batch=16, threads=1, output=OUTPUT, verbose=False)[:, 0]
    diff = float(np.max(np.abs(mal - head.probabilities(feature_x))))
    same = bool(np.array_equal(before, after))
    if not same or diff > MATCH_TOLERANCE:
        raise SystemExit(f"verification failed for {new_path}: probabilities identical {same}, "
                         f"ai_malevolence max |diff| {diff:.2e}")
    return {"sequences": len(seqs), "probabilities_bit_identical": same, "ai_malevolence_max_abs_diff": diff}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="model whose features the head is fitted on (the shipped int8)")
    ap.add_argument("--out", required=True, help="where the model with the 'ai_malevolence' output goes")
    ap.add_argument("--also", action="append", default=[], metavar="IN=OUT",
                    help="another model of the same encoder (e.g. fp32) to append the same head to")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--narrative-dev", help="folder of the narrative-dev set (measure only)")
    ap.add_argument("--stock", help="stock encoder ONNX (all-minilm-l6-v2.onnx): the same head on its features, "
                                    "for comparison")
    ap.add_argument("--verify-docs", type=int, default=60, help="validation+test documents used for verification")
    ap.add_argument("--json", required=True)
    a = ap.parse_args(argv)
    import onnx

    rows = load_rows(a.corpus)
    y_doc = np.array([label_of(r) for r in rows])
    split_doc = np.array([split_of(r) for r in rows])
    hard_doc = np.array([r["label"] != POSITIVE and bool(r.get("hard_negative")) for r in rows])
    writer_doc = np.array([r["writer"] for r in rows])
    seqs, doc = tokenise_documents([r["text"] for r in rows])
    print(f"{len(rows)} rows ({int(y_doc.sum())} positive), {len(seqs)} windows", flush=True)
    import audit
    report = {"corpus": {"rows": len(rows), "positives": int(y_doc.sum()), "windows": len(seqs),
                         "dropped_audit_disagreements": sorted(audit.disagreements(a.corpus)),
                         "writer_splits": {w: split_of({"writer": w}) for w in sorted(set(writer_doc))},
                         "rows_per_split": {s: int((split_doc == s).sum()) for s in ("train", "val", "test")}},
              "window_rule": {"content_tokens": WINDOW, "stride": STRIDE, "max_length": WINDOW + 2,
                              "document_score": "max over windows"},
              "threshold_rule": f"smallest 4-decimal P with at most {TARGET_FPR:.0%} of the validation writers' "
                                "hard negatives (document scores) at or over P"}

    print(f"features: {a.model}", flush=True)
    x = features(a.model, seqs)
    head, threshold, fitted = fit_and_report(x, doc, y_doc, split_doc, hard_doc, writer_doc)
    report["head"] = fitted
    report["head"]["features_from"] = os.path.basename(a.model)
    print(f"chosen {fitted['chosen']}, threshold {threshold}; test {fitted['splits']['test']}", flush=True)

    verify_docs = np.flatnonzero(split_doc != "train")[::max(1, int((split_doc != "train").sum()) // a.verify_docs)]
    vsel = np.isin(doc, verify_docs)
    vseqs = [s for s, k in zip(seqs, vsel) if k]
    report["models"] = []
    for src, dst in [(a.model, a.out)] + [tuple(p.split("=", 1)) for p in a.also]:
        onnx.save(append_head(onnx.load(src), head), dst)
        xs = x if src == a.model else features(src, seqs)
        check = verify(src, dst, vseqs, head)
        entry = {"input": os.path.basename(src), "input_sha256": sha256(src), "output": dst,
                 "output_sha256": sha256(dst), "verification": check}
        if src != a.model:  # the same head on this model's own features (e.g. fp32 against an int8-fitted head)
            s = document_max(head.probabilities(xs), doc, len(y_doc))
            entry["splits"] = split_report(s, y_doc, split_doc, hard_doc, writer_doc, threshold)
        if a.narrative_dev:
            entry["narrative_dev"] = narrative_dev(a.narrative_dev, src, head, threshold,
                                                   os.path.join(WORK, f"nd-scores-{os.path.basename(src)}.jsonl"))
        report["models"].append(entry)
        print(f"wrote {dst}: {check}", flush=True)

    if a.stock:
        print(f"stock encoder features: {a.stock}", flush=True)
        xs = features(a.stock, seqs, output=None)
        shead, sthr, sfit = fit_and_report(xs, doc, y_doc, split_doc, hard_doc, writer_doc)
        report["stock"] = {"encoder": os.path.basename(a.stock), **sfit}
        if a.narrative_dev:
            report["stock"]["narrative_dev"] = narrative_dev(a.narrative_dev, a.stock, shead, sthr,
                                                             os.path.join(WORK, "nd-scores-stock.jsonl"), None)
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    print(f"report: {a.json}")


if __name__ == "__main__":
    main()
