package dev.burnrate.plugins.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.kernel.KernelProbes;
import org.junit.jupiter.api.Test;

/**
 * Every kernel's calibration probe (what the portal measures at start-up, at full size) runs on the OpenCL device,
 * in one backend and in two at once, as when two portals share a JVM.
 */
class OpenClProbesTest {

    @Test
    void everyCalibrationProbeRunsOnTheDevice() throws KernelException {
        try (OpenClBackend backend = new OpenClBackend("any")) {
            assumeTrue(backend.availability().available(), () -> "no OpenCL platform: "
                    + backend.availability().reason());
            for (String kernel : backend.kernels()) {
                backend.launch(KernelProbes.probe(kernel).launch());
            }
            assertThat(backend.kernels()).isNotEmpty();
        }
    }

    @Test
    void twoBackendsRunTheProbesAtOnce() throws Exception {
        try (OpenClBackend first = new OpenClBackend("any"); OpenClBackend second = new OpenClBackend("any")) {
            assumeTrue(first.availability().available(), () -> "no OpenCL platform: "
                    + first.availability().reason());
            Thread other = Thread.ofPlatform().start(() -> {
                for (String kernel : second.kernels()) {
                    try {
                        second.launch(KernelProbes.probe(kernel).launch());
                    } catch (KernelException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            for (String kernel : first.kernels()) {
                first.launch(KernelProbes.probe(kernel).launch());
            }
            other.join();
        }
    }
}
