package dev.burnrate.plugins.opencl;

import dev.burnrate.api.Availability;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.conformance.ConformanceInputs;
import org.junit.jupiter.api.Test;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OpenClBackendTest {

    @Test
    void aMissingDeviceTypeMakesTheBackendUnavailableWithTheReason() throws KernelException {
        try (OpenClBackend any = new OpenClBackend("any")) {
            assumeTrue(any.availability().available(), () -> "no OpenCL platform: " + any.availability().reason());
        }
        try (OpenClBackend accelerator = new OpenClBackend("accelerator")) {
            Availability availability = accelerator.availability();
            assumeTrue(!availability.available(), "this machine has an OpenCL accelerator device");
            assertThat(availability.reason()).contains("no OpenCL device of type ACCELERATOR");
            assertThat(accelerator.devices()).isEmpty();
            assertThatThrownBy(() -> accelerator.launch(new KernelLaunch(KernelNames.SGEMM, 1, Map.of(), Map.of())))
                    .isInstanceOf(KernelException.class).hasMessageContaining("not available")
                    .hasMessageContaining("ACCELERATOR");
        }
    }

    @Test
    void reportsTheDeviceItRunsOn() {
        try (OpenClBackend backend = new OpenClBackend("any")) {
            assumeTrue(backend.availability().available(), () -> "no OpenCL platform: "
                    + backend.availability().reason());
            assertThat(backend.devices()).singleElement().satisfies(device -> {
                // "device (platform)", both read as NUL-terminated info strings
                assertThat(device.name()).matches("[^\\x00]*\\S \\(\\S[^\\x00]*\\)");
                assertThat(device.computeUnits()).isPositive();
                assertThat(device.memoryBytes()).isPositive();
            });
        }
    }

    @Test
    void rejectsAnInvalidInputElementNamingIt() {
        try (OpenClBackend backend = new OpenClBackend("any")) {
            assumeTrue(backend.availability().available(), () -> "no OpenCL platform: "
                    + backend.availability().reason());
            ConformanceInputs.Inference inference = ConformanceInputs.inference(30, 4, 1);
            DoubleBuffer rps = (DoubleBuffer) inference.buffers().get("requestsPerSecond");
            rps.put(7, -1);
            assertThatThrownBy(() -> launch(backend, KernelNames.INFERENCE_CAPACITY, inference.offerings(),
                    inference.buffers(), inference.scalars())).isInstanceOf(KernelException.class)
                    .hasMessageContaining("requestsPerSecond[7] must be a finite number >= 0 but is -1.0");
            rps.put(7, 1);
            ((DoubleBuffer) inference.buffers().get("tokensPerSecond")).put(2, 0);
            assertThatThrownBy(() -> launch(backend, KernelNames.INFERENCE_CAPACITY, inference.offerings(),
                    inference.buffers(), inference.scalars()))
                    .hasMessageContaining("tokensPerSecond[2] must be a finite number > 0 but is 0.0");
            ConformanceInputs.Coverage coverage = ConformanceInputs.coverage(60, 5, 1);
            ((DoubleBuffer) coverage.buffers().get("usage")).put(3, Double.NaN);
            assertThatThrownBy(() -> launch(backend, KernelNames.COMMITMENT_COVERAGE,
                    coverage.terms() * coverage.levels(), coverage.buffers(), coverage.scalars()))
                    .hasMessageContaining("usage[3] must be a finite number >= 0 but is NaN");
        }
    }

    private static void launch(OpenClBackend backend, String kernel, int size, Map<String, Buffer> buffers,
                               Map<String, Number> scalars) throws KernelException {
        backend.launch(new KernelLaunch(kernel, size, buffers, scalars));
    }

    @Test
    void rejectsAnUnknownDeviceType() {
        assertThatThrownBy(() -> new OpenClBackend("fpga")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fpga'").hasMessageContaining("any, gpu, cpu or accelerator");
    }
}
