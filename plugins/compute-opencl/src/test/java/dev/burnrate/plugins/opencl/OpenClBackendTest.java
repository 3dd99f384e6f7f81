package dev.burnrate.plugins.opencl;

import dev.burnrate.api.Availability;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import org.junit.jupiter.api.Test;

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
                assertThat(device.name()).isNotBlank();
                assertThat(device.computeUnits()).isPositive();
                assertThat(device.memoryBytes()).isPositive();
            });
        }
    }

    @Test
    void rejectsAnUnknownDeviceType() {
        assertThatThrownBy(() -> new OpenClBackend("fpga")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fpga'").hasMessageContaining("any, gpu, cpu or accelerator");
    }
}
