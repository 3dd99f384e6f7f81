package dev.burnrate.engine.kernel.simd;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.engine.kernel.conformance.ComputeBackendConformance;


/** jvm-simd with its default chunks and every core. */
class JvmSimdConformanceTest extends ComputeBackendConformance {

    @Override
    protected ComputeBackend createBackend() {
        return new JvmSimdBackend();
    }

    @Override
    protected boolean monteCarloBitExact() {
        return true;
    }
}
