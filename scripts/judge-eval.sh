#!/usr/bin/env bash
# Runs dev-eval (or any JSONL of agent actions in its schema) through the guard with an LLM judge at an
# OpenAI-compatible endpoint and prints what the classifier alone and classifier + judge decide, per label when
# the labelled files are found. Prints counts only, never the rows' text. Not run in CI: it calls a model you pay for.
#
#   JUDGE_API_KEY=sk-... scripts/judge-eval.sh --base-url https://api.openai.com/v1 --model gpt-4o-mini
#   scripts/judge-eval.sh --base-url http://localhost:11434/v1 --model qwen2.5:7b      # a local server
#
# Options: --input FILE (default ../shared/dev-eval/inputs.jsonl), --labels FILE,FILE (default: dev-eval's two
# labelled files when present), --config policy.yaml (thresholds and judge.* keys; default: the defaults).
set -euo pipefail
cd "$(dirname "$0")/.."

labels=()
if [[ " $* " != *" --labels "* && -f ../shared/dev-eval/agent_dev.jsonl && -f ../shared/dev-eval/dev_v2.jsonl ]]; then
  labels=(--labels ../shared/dev-eval/agent_dev.jsonl,../shared/dev-eval/dev_v2.jsonl)
fi

mvn -q -B install -DskipTests -pl guard-langchain4j,guard-onnx,guard-model -am
mvn -q -B -f scripts/judge-eval/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "scripts/judge-eval/target/classes:$(cat scripts/judge-eval/target/classpath.txt)" \
  dev.alignguard.judgeeval.JudgeEval ${labels[@]+"${labels[@]}"} "$@"
