package dev.burnrate.engine.kernel;

import dev.burnrate.api.ComputeBackend;

import java.util.List;
import java.util.Map;

/**
 * The backend chosen for each kernel, with the measurements behind the choice and a note per kernel saying why
 * (fastest, overridden, override not possible).
 */
public record BackendChoice(Map<String, ComputeBackend> byKernel, List<BackendMeasurement> measurements,
                            Map<String, String> reasons) implements KernelRouter {

    public BackendChoice {
        byKernel = Map.copyOf(byKernel);
        measurements = List.copyOf(measurements);
        reasons = Map.copyOf(reasons);
    }

    @Override
    public ComputeBackend backendFor(String kernel) {
        ComputeBackend backend = byKernel.get(kernel);
        if (backend == null) {
            throw new IllegalArgumentException("no backend chosen for kernel '" + kernel + "'");
        }
        return backend;
    }
}
