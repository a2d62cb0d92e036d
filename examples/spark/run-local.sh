#!/usr/bin/env bash
# Audits examples/spark/traces.jsonl with the Spark job on this machine (local[2]) and writes Parquet verdicts
# and the HTML report to a temporary directory. Needs a Spark 4.x distribution (SPARK_HOME) and the shaded job
# jar: mvn -B -q -pl guard-spark -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
"${SPARK_HOME:?set SPARK_HOME to a Spark 4.x distribution}/bin/spark-submit" \
  --master 'local[2]' \
  --class dev.alignguard.spark.AlignGuardSparkJob \
  guard-spark/target/alignguard-spark.jar \
  --input examples/spark/traces.jsonl \
  --output "$out/verdicts.parquet" \
  --config examples/policy.yaml \
  --report "$out/report.html"
echo "verdicts: $out/verdicts.parquet, report: $out/report.html"
