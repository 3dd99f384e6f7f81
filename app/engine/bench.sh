#!/usr/bin/env bash
# Kernel benchmark of the engine's backends (reference, jvm-simd): prints Markdown for BENCHMARKS.md.
# Usage: app/engine/bench.sh   (from anywhere; builds what it needs, never installs)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -pl app/engine -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "app/engine/target/test-classes:app/engine/target/classes:$(cat app/engine/target/bench.classpath)" \
  dev.burnrate.engine.kernel.bench.KernelBenchmark "$@"
