package dev.burnrate.portal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.Availability;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimedComputeBackendTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OperationMetrics metrics = new OperationMetrics(registry);

    /** A backend that runs "sum" and fails on anything else. */
    private static final ComputeBackend BACKEND = new ComputeBackend() {
        @Override
        public String id() {
            return "test-backend";
        }

        @Override
        public String displayName() {
            return "Test";
        }

        @Override
        public Availability availability() {
            return null;
        }

        @Override
        public List<DeviceInfo> devices() {
            return List.of();
        }

        @Override
        public Set<String> kernels() {
            return Set.of("sum");
        }

        @Override
        public void launch(KernelLaunch launch) throws KernelException {
            if (!launch.kernel().equals("sum")) {
                throw new KernelException("unknown kernel " + launch.kernel());
            }
        }
    };

    private Timer timer(String kernel, String outcome) {
        return registry.get("burnrate.kernel.duration").tag("kernel", kernel).tag("backend", "test-backend")
                .tag("outcome", outcome).timer();
    }

    @Test
    void kernelRunsAreTimedByKernelBackendAndOutcome() throws Exception {
        ComputeBackend timed = metrics.timed(BACKEND);
        timed.launch(new KernelLaunch("sum", 1, Map.of(), Map.of()));
        timed.launch(new KernelLaunch("sum", 1, Map.of(), Map.of()));
        assertThatThrownBy(() -> timed.launch(new KernelLaunch("other", 1, Map.of(), Map.of())))
                .isInstanceOf(KernelException.class);

        assertThat(timer("sum", "ok").count()).isEqualTo(2);
        assertThat(timer("other", "error").count()).isEqualTo(1);
        assertThat(timed.id()).isEqualTo("test-backend");
        assertThat(metrics.timed(timed)).as("not wrapped twice").isSameAs(timed);
    }

    @Test
    void importsAreTimedWithTheirOutcome() {
        String result = metrics.timeImport(() -> "Imported", r -> r);
        assertThatThrownBy(() -> metrics.timeImport(() -> {
            throw new IllegalStateException("broken file");
        }, r -> "x"));

        assertThat(result).isEqualTo("Imported");
        assertThat(registry.get("burnrate.import.duration").tag("outcome", "imported").timer().count()).isEqualTo(1);
        assertThat(registry.get("burnrate.import.duration").tag("outcome", "error").timer().count()).isEqualTo(1);
    }
}
