package dev.burnrate.portal.compute;

import dev.burnrate.api.ComputeBackend;
import java.util.List;

/**
 * Compute backends contributed by plugins (e.g. OpenCL), as the plugin host provides them. The engine's own
 * backends (reference, jvm-simd) are not plugins and come from {@link ComputeService} itself.
 */
@FunctionalInterface
public interface PluginComputeBackends {

    List<ComputeBackend> backends();
}
