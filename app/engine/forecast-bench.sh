#!/usr/bin/env bash
# Forecasting harness: forecasts every series of an M4-layout training file with the engine, scores it with the
# M4 scorer against the test file, and runs the statsmodels peer on the same series for comparison.
# Usage: app/engine/forecast-bench.sh TRAIN.csv TEST.csv HORIZON SEASON OUTDIR
#   env PEER_SERIES=N   run the peer on the first N series only (default: all; 0 skips it)
#   env BACKEND=reference|jvm-simd (default jvm-simd)
# Writes OUTDIR/forecast.csv, lower.csv, upper.csv (95%), models.csv (model per series), seasonal-naive.csv (the
# scorer check: M4 Hourly gives 13.912 / 1.193); the peer's files under OUTDIR/peer/.
#   or: app/engine/forecast-bench.sh --scale N   (N synthetic hourly series of 90 days, per backend)
set -euo pipefail
if [ "${1:-}" = "--scale" ]; then
  cd "$(dirname "$0")/../.."
  export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  ./mvnw -B -q -pl app/engine -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/forecast-bench.classpath -Dmdep.includeScope=test
  exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector ${SCALE_JAVA_OPTS:-} \
    -cp "app/engine/target/test-classes:app/engine/target/classes:$(cat app/engine/target/forecast-bench.classpath)" \
    dev.burnrate.engine.forecast.bench.ScaleBenchmark "$2"
fi
if [ $# -ne 5 ]; then
  echo "usage: $0 TRAIN.csv TEST.csv HORIZON SEASON OUTDIR" >&2; exit 2
fi
abs() { case "$1" in /*) echo "$1";; *) echo "$PWD/$1";; esac; }
TRAIN=$(abs "$1"); TEST=$(abs "$2"); HORIZON=$3; SEASON=$4; OUT=$(abs "$5")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCORER=${M4_SCORER:-$ROOT/../shared/tools/m4_score.py}
[ -f "$SCORER" ] || SCORER=/work/shared/tools/m4_score.py
mkdir -p "$OUT"
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -pl app/engine -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/forecast-bench.classpath -Dmdep.includeScope=test
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "app/engine/target/test-classes:app/engine/target/classes:$(cat app/engine/target/forecast-bench.classpath)" \
  dev.burnrate.engine.forecast.bench.ForecastBenchmark "$TRAIN" "$HORIZON" "$SEASON" "$OUT" "${BACKEND:-jvm-simd}" \
  2>&1 | grep -v "^WARNING: Using incubator"
SEASON_M=$SEASON
echo -n "check, seasonal naive: "
/usr/bin/python3 "$SCORER" "$TRAIN" "$TEST" "$OUT/seasonal-naive.csv" --m "$SEASON_M"
echo -n "burnrate:    "
/usr/bin/python3 "$SCORER" "$TRAIN" "$TEST" "$OUT/forecast.csv" "$OUT/lower.csv" "$OUT/upper.csv" --m "$SEASON_M"
if [ "${PEER_SERIES:-all}" != 0 ]; then
  mkdir -p "$OUT/peer"
  /usr/bin/python3 app/engine/forecast-peer.py "$TRAIN" "$HORIZON" "$SEASON" "$OUT/peer" "${PEER_SERIES:-all}"
  PEER_TEST="$OUT/peer/test.csv"
  head -n "$(($(wc -l < "$OUT/peer/forecast.csv")))" "$TEST" > "$PEER_TEST"
  echo -n "peer subset, burnrate: "
  /usr/bin/python3 "$SCORER" "$TRAIN" "$PEER_TEST" "$OUT/forecast.csv" "$OUT/lower.csv" "$OUT/upper.csv" --m "$SEASON_M"
  echo -n "peer subset, statsmodels: "
  /usr/bin/python3 "$SCORER" "$TRAIN" "$PEER_TEST" "$OUT/peer/forecast.csv" "$OUT/peer/lower.csv" \
    "$OUT/peer/upper.csv" --m "$SEASON_M"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
