package dev.burnrate.plugins.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A device releases what it created, also when it could not be set up. */
class OpenClDeviceReleaseTest {

    private final List<String> released = new ArrayList<>();
    private final ClReleaser recording = handle -> {
        released.add(handle.getClass().getSimpleName());
        ClReleaser.OPENCL.release(handle);
    };

    @BeforeEach
    void needsAPlatform() {
        try (OpenClBackend any = new OpenClBackend("any")) {
            assumeTrue(any.availability().available(), () -> "no OpenCL platform: " + any.availability().reason());
        }
    }

    @Test
    void aProgramThatDoesNotCompileReleasesItsProgramQueueAndContext() {
        String broken = "__kernel void broken(__global float *out) { out[0] = undeclared_name; }";

        assertThatThrownBy(() -> OpenClDevice.open(DevicePreference.ANY, broken, recording))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OpenCL kernels failed to compile")
                .hasMessageContaining("undeclared_name");

        assertThat(released).containsExactly("cl_program", "cl_command_queue", "cl_context");
    }

    @Test
    void aProgramWithoutTheKernelsReleasesTheKernelsItDidCreate() {
        String partial = "__kernel void spot_training(__global float *out) { out[0] = 1.0f; }";

        assertThatThrownBy(() -> OpenClDevice.open(DevicePreference.ANY, partial, recording))
                .isInstanceOf(org.jocl.CLException.class);

        assertThat(released).containsExactly("cl_kernel", "cl_program", "cl_command_queue", "cl_context");
    }

    @Test
    void closingReleasesEveryKernelAndThenProgramQueueAndContext() {
        OpenClDevice device = OpenClDevice.open(DevicePreference.ANY, OpenClDevice.kernelSource(), recording);
        assertThat(released).isEmpty();

        device.close();

        int kernels = OpenClDevice.KERNELS.length;
        assertThat(released).hasSize(kernels + 3);
        assertThat(released.subList(0, kernels)).containsOnly("cl_kernel");
        assertThat(released.subList(kernels, kernels + 3))
                .containsExactly("cl_program", "cl_command_queue", "cl_context");
    }
}
