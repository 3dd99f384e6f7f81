package dev.burnrate.engine.kernel;

import dev.burnrate.api.ComputeBackend;

/** Which backend runs a kernel: the calibrated choice, an override, or simply one backend for everything. */
@FunctionalInterface
public interface KernelRouter {

    ComputeBackend backendFor(String kernel);

    static KernelRouter always(ComputeBackend backend) {
        return kernel -> backend;
    }
}
