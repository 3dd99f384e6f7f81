#!/usr/bin/env bash
# NAB accuracy of the engine's streaming anomaly scores: scores every INPUT_DIR/<category>/<file>.csv, writes NAB's
# results layout to OUTDIR, prints the throughput and NAB's standard-profile score (overall and per category).
# Usage: app/engine/anomaly-bench.sh INPUT_DIR OUTDIR   (from anywhere; builds what it needs, never installs)
# The labels are INPUT_DIR/labels.json (override with LABELS=...); the scorer is ../shared/tools/nab_score.py.
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 INPUT_DIR OUTDIR" >&2; exit 2; fi
input=$(realpath "$1"); out=$(realpath -m "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
labels=${LABELS:-$input/labels.json}
scorer=${NAB_SCORER:-$root/../shared/tools/nab_score.py}
[ -f "$scorer" ] || scorer=/work/shared/tools/nab_score.py
cd "$root"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -pl app/engine -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
rm -rf "$out"; mkdir -p "$out"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "app/engine/target/test-classes:app/engine/target/classes:$(cat app/engine/target/bench.classpath)" \
  dev.burnrate.engine.anomaly.bench.NabAnomalyBenchmark "$input" "$out"
echo "all: $(/usr/bin/python3 "$scorer" "$labels" "$out")"
# Per category: the same scorer on the labels of one category (its own threshold sweep).
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for category in $(cd "$out" && ls -d */ | tr -d /); do
  /usr/bin/python3 -c 'import json,sys; l=json.load(open(sys.argv[1])); c=sys.argv[2]
json.dump({k: v for k, v in l.items() if k.startswith(c + "/")}, open(sys.argv[3], "w"))' \
    "$labels" "$category" "$tmp/$category.json"
  echo "$category: $(/usr/bin/python3 "$scorer" "$tmp/$category.json" "$out")"
done
