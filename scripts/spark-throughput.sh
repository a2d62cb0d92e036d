#!/usr/bin/env bash
# Issue #15 measurement: lines/s of the CLI (--threads N) and of Spark (local[N]) on the same trace, each in a
# fresh JVM, plus each JVM's peak resident memory. Default input: the first 2,000 lines of the held-out test
# split (unique, real-length actions). Usage: scripts/spark-throughput.sh [TRACE.jsonl] (THREADS=2 LINES=2000).
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${THREADS:-2}
lines=${LINES:-2000}
trace=${1:-training/data/corpus/test.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n "$lines" "$trace" > "$work/trace.jsonl"
mvn -B -q -o -pl guard-spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="guard-spark/target/test-classes:guard-spark/target/classes:$(cat "$work/cp.txt")"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED"
for mode in cli spark; do
  mkdir -p "$work/$mode"
  # shellcheck disable=SC2086
  java -Xmx2g $opens -Dai.djl.offline=true -cp "$cp" dev.alignguard.spark.ThroughputHarness \
      "$mode" "$threads" "$work/trace.jsonl" "$work/$mode" 2> "$work/$mode.log" | tee -a "$work/result.txt"
done
cat "$work/result.txt"
