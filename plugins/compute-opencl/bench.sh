#!/usr/bin/env bash
# Kernel benchmark of reference, jvm-simd and OpenCL in one run; prints Markdown for BENCHMARKS.md.
# The OpenCL device: -Dburnrate.opencl.device-type=any|gpu|cpu via BENCH_DEVICE (default any: GPU if present).
# Usage: plugins/compute-opencl/bench.sh     (builds what it needs, never installs)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -pl plugins/compute-opencl -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="plugins/compute-opencl/target/test-classes:plugins/compute-opencl/target/classes"
CP="$CP:app/engine/target/test-classes:app/engine/target/classes:plugins/api/target/classes"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -Dburnrate.opencl.device-type="${BENCH_DEVICE:-any}" \
  -cp "$CP:$(cat plugins/compute-opencl/target/bench.classpath)" \
  dev.burnrate.plugins.opencl.OpenClKernelBenchmark "$@"
