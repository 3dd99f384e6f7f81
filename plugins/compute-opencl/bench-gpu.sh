#!/usr/bin/env bash
# The OpenCL backend on an NVIDIA GPU: conformance suite (must not skip) and kernel benchmark.
# Needs the NVIDIA driver's OpenCL ICD: /etc/OpenCL/vendors/nvidia.icd naming libnvidia-opencl.so.1, or
# OCL_ICD_VENDORS pointing at a directory with such a file (created below if the library is found).
# Usage: plugins/compute-opencl/bench-gpu.sh > gpu-results.md
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -z "${OCL_ICD_VENDORS:-}" ] && ! grep -qs nvidia /etc/OpenCL/vendors/*.icd; then
  lib=$(ldconfig -p | awk '/libnvidia-opencl.so.1/{print $NF; exit}')
  if [ -z "$lib" ]; then echo "no libnvidia-opencl.so.1 found: is the NVIDIA driver installed?" >&2; exit 1; fi
  export OCL_ICD_VENDORS=$(mktemp -d)
  echo "$lib" > "$OCL_ICD_VENDORS/nvidia.icd"
fi
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv || true
echo "## Conformance on the GPU"
./mvnw -B -pl plugins/compute-opencl -am test -Dtest='OpenClConformanceTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dburnrate.opencl.device-type=gpu -Dburnrate.conformance.required=opencl | grep -E 'Tests run|FAIL|ERROR' || true
echo "## Benchmark"
BENCH_DEVICE=gpu plugins/compute-opencl/bench.sh
