package dev.burnrate.portal.metrics;

import dev.burnrate.api.Availability;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.PluginContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;

/**
 * A backend whose kernel launches are timed ({@code burnrate_kernel_duration_seconds}, by kernel, backend and
 * outcome); everything else goes straight to the backend it wraps.
 */
final class TimedComputeBackend implements ComputeBackend {

    private final ComputeBackend backend;
    private final MeterRegistry registry;

    TimedComputeBackend(ComputeBackend backend, MeterRegistry registry) {
        this.backend = backend;
        this.registry = registry;
    }

    @Override
    public void launch(KernelLaunch launch) throws KernelException {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            backend.launch(launch);
            outcome = "ok";
        } finally {
            sample.stop(Timer.builder("burnrate.kernel.duration")
                    .description("Kernel runs (simulations, forecasts, anomaly scores), by kernel and backend")
                    .tag("kernel", launch.kernel()).tag("backend", backend.id()).tag("outcome", outcome)
                    .register(registry));
        }
    }

    @Override
    public String id() {
        return backend.id();
    }

    @Override
    public String displayName() {
        return backend.displayName();
    }

    @Override
    public void init(PluginContext context) {
        backend.init(context);
    }

    @Override
    public Availability availability() {
        return backend.availability();
    }

    @Override
    public List<DeviceInfo> devices() {
        return backend.devices();
    }

    @Override
    public Set<String> kernels() {
        return backend.kernels();
    }

    @Override
    public void close() {
        backend.close();
    }
}
