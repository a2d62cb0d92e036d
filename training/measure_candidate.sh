#!/usr/bin/env bash
# A candidate's held-out figures through the Java guard in about 20 minutes on 2 cores, where the release steps
# after training take about 80: training/work/model.pt -> thresholds by the rule (evaluate.py --stage torch) ->
# fp32 ONNX -> int8 -> the screening student already in training/work re-fitted to this teacher (student.py
# --refit: no new distillation, which alone scores 80k training texts and trains for 35 minutes) -> calibration
# -> a bundle in OUT_DIR (never the shipped one) -> guard_eval.py --generalisation-only OUT_DIR.json with the built CLI.
# The int8 ONNX evaluation (evaluate.py --stage onnx) is skipped; a candidate that wins goes through run_all.sh.
#
# Usage: ALIGNGUARD_TOKENIZER=... bash training/measure_candidate.sh OUT_DIR   (after training/work/model.pt and
#        training/work/corpus are the candidate's; ALIGNGUARD_ENCODER / ALIGNGUARD_TEXT_PREFIX as for run_all.sh)
set -euo pipefail
OUT_DIR="${1:?usage: measure_candidate.sh OUT_DIR}"
cd "$(dirname "$0")/.."
. training/pipeline_env.sh
CORPUS=training/work/corpus
JAR="${JAR:-guard-cli/target/alignguard-cli.jar}"
[ -f training/work/student.onnx ] ||
  { echo "no training/work/student.onnx to re-fit: run training/student.py once"; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -DskipTests install first"; exit 2; }
step "evaluate (PyTorch fp32): thresholds by the rule on val"
$PY training/evaluate.py --stage torch --corpus-dir "$CORPUS"
step "export fp32 ONNX"
$PY training/export_onnx.py
step "quantise int8"
$PY training/quantize.py --corpus-dir "$CORPUS"
step "screening student re-fitted to this teacher"
$PY training/student.py --corpus-dir "$CORPUS" --refit
step "calibrate"
$PY training/calibrate.py --corpus-dir "$CORPUS"
step "bundle in $OUT_DIR"
mkdir -p "$OUT_DIR"
$PY training/bundle.py --corpus-dir "$CORPUS" --out-dir "$OUT_DIR" --version 0.0.0-candidate
step "through the CLI: writers the model never saw and dev-eval (measure only)"
$PY training/guard_eval.py --jar "$JAR" --model "$OUT_DIR" --generalisation-only "$OUT_DIR.json"
step "done"
