package dev.burnrate.engine.kernel.simd;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.conformance.ComputeBackendConformance;

import java.util.Map;

/**
 * jvm-simd split into many small, odd-sized chunks on three threads: results must not depend on how the range
 * is cut (counter-based randomness, items independent).
 */
class JvmSimdSmallChunksConformanceTest extends ComputeBackendConformance {

    @Override
    protected ComputeBackend createBackend() {
        return new JvmSimdBackend(3, Map.of(KernelNames.SPOT_TRAINING_MONTE_CARLO, 77,
                KernelNames.COMMITMENT_COVERAGE, 13, KernelNames.SGEMM, 7, KernelNames.BATCHED_GEMV, 5,
                KernelNames.INFERENCE_CAPACITY, 2, KernelNames.ANOMALY_SCORE, 3));
    }

    @Override
    protected boolean monteCarloBitExact() {
        return true;
    }
}
