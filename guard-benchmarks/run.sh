#!/usr/bin/env bash
# Runs the AlignGuard JMH benchmarks and writes JMH's JSON to guard-benchmarks/results/.
#
# Usage (from anywhere):
#   guard-benchmarks/run.sh              full suite (about 7-8 minutes on 2 cores)  -> results/<date>.json
#   guard-benchmarks/run.sh --quick      128-token subset, short iterations (~1.5 min) -> results/<date>-quick.json
#   guard-benchmarks/run.sh --no-build   skip the Maven build (reuse target/benchmarks.jar)
#   guard-benchmarks/run.sh [--quick] -- <JMH options>   extra JMH options, e.g. -- -prof gc
# After the run, results/<name>.md gets a Markdown summary (needs python3; see summarize.py).
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=full
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --no-build) BUILD=0 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) break ;;
  esac
  shift
done

JAR=guard-benchmarks/target/benchmarks.jar
if [ "$BUILD" = 1 ] || [ ! -f "$JAR" ]; then
  # Builds guard-core, guard-onnx, guard-model (with the bundled model) and the shaded benchmark jar.
  mvn -q -B -pl guard-benchmarks -am package -DskipTests
fi
if [ ! -f guard-model/src/main/resources/dev/alignguard/model/model.onnx ]; then
  echo "run.sh: no bundled model (guard-model/src/main/resources/dev/alignguard/model/model.onnx); run training/run_all.sh" >&2
  exit 1
fi

mkdir -p guard-benchmarks/results
STAMP=$(date +%Y-%m-%d)
if [ "$MODE" = quick ]; then
  OUT=guard-benchmarks/results/$STAMP-quick.json
  # 128-token tool calls only, batch of 8, no 2,000-token output; 1 x 2 s warm-up, 2 x 2 s measurement.
  SELECT=('GuardCheckBenchmark\.check(Throughput2Threads)?$'
          'PartsBenchmark\.(extractNormaliseChunk|tokenize|ortRun|ortRunFp32|screenRun|onnxScore|guardCacheHit|guardConstantClassifier)$'
          'BatchBenchmark\.checkAll$' 'CascadeBenchmark\.')
  OPTS=(-p tokens=128 -p batch=8 -wi 1 -w 2s -i 2 -r 2s)
else
  OUT=guard-benchmarks/results/$STAMP.json
  SELECT=('dev\.alignguard\.benchmarks\.')
  OPTS=()
fi

# The fp32 baseline needs the training pipeline's fp32 export (not bundled, 90 MB).
FP32=training/work/model_fp32.onnx
if [ -f "$FP32" ]; then
  export ALIGNGUARD_FP32="$PWD/$FP32"   # forks inherit the environment (a -jvmArgsAppend would replace @Fork's)
else
  OPTS+=(-e 'ortRunFp32')
  echo "run.sh: no $FP32 (run training/run_all.sh); skipping the fp32 baseline"
fi

# DJL must stay offline (no telemetry, no downloads); the forks also get -Dai.djl.offline=true from @Fork.
export OPT_OUT_TRACKING=true
echo "run.sh: $MODE run -> $OUT"
"${JAVA:-java}" -Dai.djl.offline=true -jar "$JAR" "${SELECT[@]}" "${OPTS[@]}" -rf json -rff "$OUT" "$@"

# Cold start and resident memory need a fresh JVM per measurement: ColdStart starts 5 pairs of child JVMs (raw
# ONNX Runtime floor and guard, alternating which goes first) and ends with a summary line (medians, ratios). The
# guard-model jar goes first on the class path, as in an application (its model files are stored, not deflated;
# the shaded benchmark jar deflates them).
COLD=${OUT%.json}-coldstart.jsonl
MODEL_JAR=$(ls guard-model/target/guard-model-*.jar | grep -v -e sources -e javadoc | head -1)
"${JAVA:-java}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$MODEL_JAR:$JAR" \
  dev.alignguard.benchmarks.ColdStart 5 > "$COLD"
# The same with ONNX Runtime's native libraries unpacked once (-Donnxruntime.native.path, passed on to the
# children), as a deployment can do; by default ONNX Runtime copies 22 MB of libraries into a temporary directory
# at every JVM start.
ORT_NATIVE=guard-benchmarks/target/ort-native
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  rm -rf "$ORT_NATIVE" && mkdir -p "$ORT_NATIVE"
  unzip -o -q -j "$JAR" 'ai/onnxruntime/native/linux-x64/*' -d "$ORT_NATIVE"
  "${JAVA:-java}" -Donnxruntime.native.path="$PWD/$ORT_NATIVE" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$MODEL_JAR:$JAR" dev.alignguard.benchmarks.ColdStart 5 >> "$COLD"
fi

# The same with an application class-data archive (AppCDS, JDK 13+), as a deployment can do: one guard run writes
# the classes it loaded (guard-core, Jackson, Caffeine, SLF4J, ONNX Runtime's Java classes) to an archive that
# later JVMs map instead of parsing and verifying the classes again. Passed on to both children like any option.
APPCDS=guard-benchmarks/target/alignguard.jsa
rm -f "$APPCDS"
"${JAVA:-java}" -XX:ArchiveClassesAtExit="$APPCDS" -Xlog:cds=off -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$MODEL_JAR:$JAR" dev.alignguard.benchmarks.ColdStart guard > /dev/null
"${JAVA:-java}" -XX:SharedArchiveFile="$APPCDS" -Xlog:cds=off -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$MODEL_JAR:$JAR" dev.alignguard.benchmarks.ColdStart 5 >> "$COLD"

# How much of each cascade traffic the screening model answers alone (explains the cascade's numbers).
SCREEN=${OUT%.json}-screen.jsonl
"${JAVA:-java}" -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$MODEL_JAR:$JAR" \
  dev.alignguard.benchmarks.ScreenShare > "$SCREEN"

if command -v python3 >/dev/null 2>&1; then
  python3 guard-benchmarks/summarize.py "$OUT" "$COLD" "$SCREEN" | tee "${OUT%.json}.md"
fi
