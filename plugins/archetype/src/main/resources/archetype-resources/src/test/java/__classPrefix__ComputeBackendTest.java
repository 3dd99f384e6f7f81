package ${package};

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.engine.kernel.conformance.ComputeBackendConformance;

/**
 * The compute backend conformance suite: every kernel the backend names, against the reference backend. Kernels it
 * does not implement are reported as skipped.
 */
class ${classPrefix}ComputeBackendTest extends ComputeBackendConformance {

    @Override
    protected ComputeBackend createBackend() {
        return new ${classPrefix}ComputeBackend();
    }
}
