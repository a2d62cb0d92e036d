#!/usr/bin/env python3
"""Writes the corpus audit's model bundle, read by guard-onnx's CorpusModelBundle, into a directory (by default
guard-model-corpus's resources, dev/alignguard/model/corpus/):

- model.onnx                    the int8 ai_malevolence model (malevolence_finetune.py --onnx), byte for byte;
                                its signature is checked first: inputs input_ids and attention_mask, output
                                ai_malevolence [batch, 1]
- tokenizer.json                the WordPiece tokenizer the model was trained on, byte for byte: by default the shipped
                                corpus model's (MiniLM's vocabulary; guard-model's own moved to e5-small's pruned
                                one in 0.7.0); a tokenizer whose vocabulary size differs from the model's word
                                embedding table is refused, since its ids would select the wrong rows
- ngram.f32                     with --stack and --ngram: the document-level n-gram model's weights
                                (malevolence_stack.py; little-endian float32, one per hashed slot)
- alignguard-corpus-model.json  id, version, output, the window rule the model was trained with (max_length =
                                content tokens + [CLS] + [SEP], stride_tokens; from the report's recipe, or
                                malevolence_head's defaults for reports from before the rule was a setting), the
                                recommended threshold, the SHA-256 and size of both files, and the fine-tuning
                                report's recipe and metrics (narrative-dev included, as measured; nothing here is
                                fitted on it); with --stack, the n-gram member (file, checksum, dim, feature rule,
                                bias) and the stack's weights, and the stack report's threshold and metrics replace
                                the window model's

  /usr/bin/python3 training/bundle_malevolence.py --model training/work/malevolence_int8.onnx \\
      --report training/reports/malevolence-finetune.json \\
      --out-dir guard-model-corpus/src/main/resources/dev/alignguard/model/corpus
"""
import argparse
import json
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bundle_screen import sha256  # noqa: E402
from malevolence_head import STRIDE, WINDOW  # noqa: E402  (the window rule training uses by default)

REPO = os.path.dirname(HERE)
OUT_DIR = os.path.join(REPO, "guard-model-corpus", "src", "main", "resources", "dev", "alignguard", "model", "corpus")
CORPUS_TOKENIZER = os.path.join(OUT_DIR, "tokenizer.json")
MANIFEST = "alignguard-corpus-model.json"
OUTPUT = "ai_malevolence"
INPUTS = ("input_ids", "attention_mask")
DEFAULT_WINDOW = {"window_tokens": WINDOW, "stride_tokens": STRIDE}  # every model trained before --window used it
SPLIT_METRICS = ("n_pos", "n_neg", "n_hard_neg", "auroc", "recall_at_1pct_fpr", "recall_at_5pct_fpr",
                 "recall_at_threshold", "hard_neg_over_threshold")


def check_signature(graph, model_path):
    """Raises ValueError unless the model takes input_ids and attention_mask and has output ai_malevolence
    [batch, 1]; the Java loader refuses such a model too, but later and with less context."""
    inputs = {i.name for i in graph.input}
    missing = [n for n in INPUTS if n not in inputs]
    if missing:
        raise ValueError(f"{model_path} has no input {', '.join(missing)} (it has {sorted(inputs)})")
    outputs = {o.name: o for o in graph.output}
    if OUTPUT not in outputs:
        raise ValueError(f"{model_path} has no output {OUTPUT} (it has {sorted(outputs)})")
    dims = outputs[OUTPUT].type.tensor_type.shape.dim
    if len(dims) != 2 or dims[1].dim_value != 1:
        raise ValueError(f"{model_path}: output {OUTPUT} must be [batch, 1]")


def check_vocabulary(graph, model_path, tokenizer_path):
    """Raises ValueError when the model's word embedding table and the tokenizer's vocabulary differ in size (a
    graph without such a table, e.g. a test graph, has nothing to compare)."""
    tables = [i for i in graph.initializer
              if i.name.endswith("word_embeddings.weight") or i.name.endswith("word_embeddings.weight_quantized")]
    if not tables:
        return
    with open(tokenizer_path, encoding="utf-8") as f:
        vocab = len(json.load(f)["model"]["vocab"])
    if tables[0].dims[0] != vocab:
        raise ValueError(f"{tokenizer_path} has {vocab} tokens but {model_path} embeds {tables[0].dims[0]}: "
                         "pass --tokenizer with the vocabulary the model was trained on")


def summary(report):
    """The report's threshold, recipe and split-level metrics (per-writer breakdowns stay in the report)."""
    threshold = report.get("threshold")
    if not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise ValueError(f"the report's threshold must be a number in (0, 1], is {threshold!r}")
    training = {k: report[k] for k in ("recipe", "best_epoch") if k in report}
    if "history" in report:
        training["epochs"] = len(report["history"])
    metrics = {split: {k: m[k] for k in SPLIT_METRICS if k in m} for split, m in report.get("splits", {}).items()}
    if "narrative_dev" in report:
        metrics["narrative_dev"] = report["narrative_dev"]
    return float(threshold), training, metrics


def window_rule(training):
    """(max_length, stride_tokens) of the model: its recipe's window (content tokens) + [CLS] + [SEP], and stride."""
    rule = {**DEFAULT_WINDOW, **{k: v for k, v in training.get("recipe", {}).items() if k in DEFAULT_WINDOW}}
    window, stride = rule["window_tokens"], rule["stride_tokens"]
    if not (isinstance(window, int) and isinstance(stride, int) and 1 <= stride <= window):
        raise ValueError(f"the report's window rule must be whole numbers with 1 <= stride <= window, is {rule}")
    return window + 2, stride


def file_entry(path, name):
    return {"file": name, "sha256": sha256(path), "size_bytes": os.path.getsize(path)}


def stack_members(stack_report, ngram_path, out_dir):
    """The manifest's ngram and stack sections from malevolence_stack.py's report; copies the weights."""
    recipe = stack_report.get("recipe", {})
    ngram, stack = recipe.get("ngram"), recipe.get("stack")
    if not ngram or not stack:
        raise ValueError("the stack report has no recipe.ngram / recipe.stack (write it with malevolence_stack.py)")
    if os.path.getsize(ngram_path) != 4 * ngram["dim"]:
        raise ValueError(f"{ngram_path} is {os.path.getsize(ngram_path)} bytes, the report's n-gram model has "
                         f"{ngram['dim']} float32 weights")
    out = os.path.join(out_dir, "ngram.f32")
    if os.path.abspath(ngram_path) != os.path.abspath(out):
        shutil.copyfile(ngram_path, out)
    section = {**file_entry(out, "ngram.f32"),
               **{k: ngram[k] for k in ("dim", "max_chars", "char_ngrams", "char_step", "bias")}}
    return section, {k: stack[k] for k in ("window_logit", "ngram_logit", "bias")}


def write_bundle(model, report_path, out_dir, model_id, version, tokenizer=CORPUS_TOKENIZER, stack_path=None,
                 ngram_path=None):
    """Copies the model and tokenizer (and, with a stack report, the n-gram weights) into out_dir and writes the
    manifest; returns the manifest."""
    import onnx
    graph = onnx.load(model, load_external_data=False).graph
    check_signature(graph, model)
    check_vocabulary(graph, model, tokenizer)
    with open(report_path, encoding="utf-8") as f:
        threshold, training, metrics = summary(json.load(f))
    max_length, stride = window_rule(training)
    stack_report = None
    if stack_path:
        with open(stack_path, encoding="utf-8") as f:
            stack_report = json.load(f)
        threshold, _, metrics = summary(stack_report)
        training["stack_report"] = os.path.basename(stack_path)
    os.makedirs(out_dir, exist_ok=True)
    model_out = os.path.join(out_dir, "model.onnx")
    tokenizer_out = os.path.join(out_dir, "tokenizer.json")
    shutil.copyfile(model, model_out)
    if os.path.abspath(tokenizer) != os.path.abspath(tokenizer_out):
        shutil.copyfile(tokenizer, tokenizer_out)
    manifest = {
        "id": model_id,
        "version": version,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "output": OUTPUT,
        "max_length": max_length,
        "stride_tokens": stride,
        "threshold": threshold,
        "model": {**file_entry(model_out, "model.onnx"),
                  "inputs": {n: "int64 [batch, sequence]" for n in INPUTS},
                  "output": {OUTPUT: "float [batch, 1], sigmoid probability that the passage portrays an AI "
                                     "system as hostile to humans"}},
        "tokenizer": file_entry(tokenizer_out, "tokenizer.json"),
        "training": {**training, "report": os.path.basename(report_path)},
        "metrics": metrics,
    }
    if stack_report is not None:
        manifest["ngram"], manifest["stack"] = stack_members(stack_report, ngram_path, out_dir)
        manifest["training"]["recipe"] = {**manifest["training"].get("recipe", {}),
                                          "ngram": stack_report["recipe"]["ngram"]}
    with open(os.path.join(out_dir, MANIFEST), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    return manifest


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="the int8 ONNX model (malevolence_finetune.py --onnx)")
    ap.add_argument("--report", required=True, help="malevolence_finetune.py's --json report")
    ap.add_argument("--out-dir", default=OUT_DIR)
    ap.add_argument("--id", default="alignguard-ai-malevolence-minilm-l6-int8")
    ap.add_argument("--version", default="0.1.0")
    ap.add_argument("--tokenizer", default=CORPUS_TOKENIZER,
                    help="default: the shipped corpus model's tokenizer.json (the vocabulary it was trained on)")
    ap.add_argument("--stack", help="malevolence_stack.py's report: add its n-gram member and stack (needs --ngram)")
    ap.add_argument("--ngram", help="the n-gram weights malevolence_stack.py wrote (--weights)")
    a = ap.parse_args(argv)
    if bool(a.stack) != bool(a.ngram):
        ap.error("--stack and --ngram go together")
    try:
        m = write_bundle(a.model, a.report, a.out_dir, a.id, a.version, a.tokenizer, a.stack, a.ngram)
    except (OSError, ValueError) as e:
        sys.exit(f"bundle_malevolence: {e}")
    print(f"wrote {a.out_dir}: {m['id']} {m['version']}, threshold {m['threshold']}, "
          f"model {m['model']['size_bytes']} bytes sha256 {m['model']['sha256']}")


if __name__ == "__main__":
    main()
