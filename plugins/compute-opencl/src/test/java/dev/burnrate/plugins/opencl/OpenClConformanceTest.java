package dev.burnrate.plugins.opencl;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.engine.kernel.conformance.ComputeBackendConformance;

/**
 * The shared conformance suite on the OpenCL device chosen by {@code -Dburnrate.opencl.device-type} (default:
 * a GPU if present, else PoCL's CPU device). Skipped with the reason when there is no OpenCL platform; CI passes
 * {@code -Dburnrate.conformance.required=opencl} so that it cannot be skipped there.
 */
class OpenClConformanceTest extends ComputeBackendConformance {

    @Override
    protected ComputeBackend createBackend() {
        return new OpenClBackend();
    }

    @Override
    protected boolean monteCarloBitExact() {
        return true;
    }
}
