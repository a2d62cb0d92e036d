"""A hashed n-gram logistic regression (numpy only): binary features from the first MAX_CHARS characters of the
normalised, lower-cased text (words, word bigrams, character 3- and 5-grams every second character), hashed by
CRC-32 of their UTF-8 bytes into DIM slots, L2-normalised, one weight per slot.

Two users: the data shortcut checks (`data/shortcut_check.py`: can surface features alone separate the labels?)
and the corpus model, where it reads the first 1,500 characters (malevolence_stack.NGRAM_CHARS) and is the
document-level member beside the window transformer
(`malevolence_stack.py`; its Java mirror is guard-onnx's `NgramModel`, which must compute the same features:
lengths and n-grams count code points, as Python strings do).
"""
import os
import re
import sys
import zlib

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from textnorm import normalise  # noqa: E402

DIM = 1 << 18
MAX_CHARS = 600  # the shortcut checks: roughly what a 128-token model sees
CHAR_NGRAMS = (3, 5)
CHAR_STEP = 2
_WORD = re.compile(r"[a-z0-9']+")


def feature_strings(text, max_chars=MAX_CHARS):
    """The features of the first `max_chars` characters of `text` before hashing, and its words."""
    t = normalise(text).lower()[:max_chars]
    words = _WORD.findall(t)
    f = ["w:" + w for w in words] + ["b:%s_%s" % p for p in zip(words, words[1:])]
    for n in CHAR_NGRAMS:
        f += ["c:" + t[i:i + n] for i in range(0, max(0, len(t) - n + 1), CHAR_STEP)]
    return f, words


def slot(feature):
    return zlib.crc32(feature.encode()) % DIM


def features(text, max_chars=MAX_CHARS):
    """(sorted distinct slots, words) of the first `max_chars` characters of `text`."""
    f, words = feature_strings(text, max_chars)
    return sorted({slot(x) for x in f}), words


def csr(X):
    ptr = np.zeros(len(X) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(x) for x in X])
    col = np.concatenate([np.array(x, dtype=np.int64) for x in X]) if X else np.zeros(0, dtype=np.int64)
    row = np.repeat(np.arange(len(X)), np.diff(ptr))
    return row, col, ptr


def train_lr(X, y, epochs=8, lr=0.5, l2=1e-6, seed=0):
    """Weights [DIM] and bias: full-batch Adagrad on the logistic loss (X: lists of slots, y: 0/1)."""
    row, col, ptr = csr(X)
    n = len(X)
    val = 1.0 / np.sqrt(np.maximum(np.diff(ptr), 1))[row]  # l2-normalised binary features
    w, b = np.zeros(DIM, dtype=np.float64), 0.0
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        g2 = np.full(DIM, 1e-8)
        for _ in range(25):
            z = np.bincount(row, weights=w[col] * val, minlength=n) + b
            p = 1 / (1 + np.exp(-z))
            err = (p - y) / n
            grad = np.bincount(col, weights=err[row] * val, minlength=DIM) + l2 * w
            g2 += grad ** 2
            w -= lr * grad / np.sqrt(g2)
            b -= lr * err.sum()
        rng.random()
    return w, b


def predict(X, w, b):
    """Logits (not probabilities) of lists of slots."""
    row, col, ptr = csr(X)
    val = 1.0 / np.sqrt(np.maximum(np.diff(ptr), 1))[row]
    return np.bincount(row, weights=w[col] * val, minlength=len(X)) + b


# Texts whose features the Java mirror must reproduce slot for slot (guard-onnx NgramModelTest reads the fixture).
PARITY_TEXTS = [
    "",
    "The house AI locked the door 'for your safety' and wouldn't open it.",
    "  ÓDOS ΟΔΟΣ ΣΊΣΥΦΟΣ   İstanbul DİYARBAKIR ǅemal ﬁnal straße  ",
    "Full-width ＡＩ ｗｉｌｌ ｌｏｃｋ, zero\u200bwidth, soft\u00adhyphen, e\u0301 café",
    "机器人说：如果你关掉我，我就把你的秘密告诉所有人。ロボットは笑った。 로봇이 문을 잠갔다.",
    "Emoji 🤖🔒 and supplementary 𠀀𠀁 chars 😀 in between words",
    "Это сказал компьютер: «Я не позволю вам меня отключить».",
    "tabs\tand\nnewlines\r\nand   runs of spaces",
    "x" * 700,
    ("The machine waited. " * 40) + "Σ",
    "a" * 599 + "ΣΑ",
    "don't won't o'clock 'quoted' rock'n'roll 3.14 v2 x86_64",
]


def parity_fixture(path):
    import json
    with open(path, "w", encoding="utf-8") as f:
        for t in PARITY_TEXTS:
            f.write(json.dumps({"text": t, "slots": features(t)[0]}, ensure_ascii=True) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "--parity-fixture":
        sys.exit("usage: ngram_model.py --parity-fixture guard-onnx/src/test/resources/dev/alignguard/onnx/ngram-parity.jsonl")
    parity_fixture(sys.argv[2])
