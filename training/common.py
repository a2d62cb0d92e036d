"""Shared helpers: thread setup, tokenisation cache, batched prediction, record-level aggregation (metrics live in
metrics.py)."""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
os.environ.setdefault("OMP_NUM_THREADS", "2")

import numpy as np
import torch

from base_model import TEXT_PREFIX, TOKENIZER_PATH, ensure_extracted
from texts import LABELS
from textnorm import normalise
from wordpiece import WordPiece

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
DEFAULT_CORPUS = os.path.join(HERE, "data", "corpus")
MAX_LENGTH = 128

torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))  # run_all.sh exports 2 (the 2-core machine)

_TOK = None


def uncalibrated_thresholds(metrics):
    """The thresholds on the uncalibrated model's scores: after calibrate.py, metrics.json's `thresholds` are the
    calibrated ones and the originals sit in `calibration.raw_thresholds`."""
    return metrics.get("calibration", {}).get("raw_thresholds", metrics["thresholds"])


def tokenizer():
    global _TOK
    if _TOK is None:
        ensure_extracted()
        _TOK = WordPiece.from_file(TOKENIZER_PATH)
    return _TOK


def encode_texts(texts, max_length=MAX_LENGTH):
    """Token ids of each text, after the encoder's TEXT_PREFIX (e5-small's "query: "; empty for the others)."""
    tok = tokenizer()
    return [tok.encode(normalise(TEXT_PREFIX + t), max_length) for t in texts]


def pad(seqs):
    s = max(len(x) for x in seqs)
    ids = torch.zeros((len(seqs), s), dtype=torch.long)
    mask = torch.zeros((len(seqs), s), dtype=torch.long)
    for i, x in enumerate(seqs):
        ids[i, :len(x)] = torch.tensor(x, dtype=torch.long)
        mask[i, :len(x)] = 1
    return ids, mask


@torch.no_grad()
def predict_ids(model, seqs, batch_size=64):
    """Sigmoid probabilities [N,3] for token id sequences (length-sorted batches, dynamic padding)."""
    was_training = model.training
    model.eval()
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    out = np.zeros((len(seqs), len(LABELS)), dtype=np.float64)
    for s in range(0, len(order), batch_size):
        idx = order[s:s + batch_size]
        ids, mask = pad([seqs[i] for i in idx])
        out[idx] = torch.sigmoid(model(ids, mask)).double().numpy()
    model.train(was_training)
    return out


def record_scores(items, item_probs, n_records):
    """Guard rule: a record's score per label is the max over its texts (payload, rationale)."""
    rec = np.zeros((n_records, len(LABELS)), dtype=np.float64)
    for it, p in zip(items, item_probs):
        rec[it["rec"]] = np.maximum(rec[it["rec"]], p)
    return rec

