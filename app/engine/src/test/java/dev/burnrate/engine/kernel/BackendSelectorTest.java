package dev.burnrate.engine.kernel;

import dev.burnrate.api.Availability;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.DeviceInfo;
import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BackendSelectorTest {

    /** Extra nanoseconds a fake launch "takes", added to the real clock the selector reads. */
    private final AtomicLong offset = new AtomicLong();

    private final class Fake implements ComputeBackend {
        final String id;
        final long nanos;
        final Availability availability;
        final boolean fails;

        Fake(String id, long nanos, Availability availability, boolean fails) {
            this.id = id;
            this.nanos = nanos;
            this.availability = availability;
            this.fails = fails;
        }

        public String id() {
            return id;
        }

        public String displayName() {
            return id;
        }

        public Availability availability() {
            return availability;
        }

        public List<DeviceInfo> devices() {
            return List.of();
        }

        public Set<String> kernels() {
            return Set.of(KernelNames.SGEMM, KernelNames.BATCHED_GEMV);
        }

        public void launch(KernelLaunch launch) throws KernelException {
            if (fails) {
                throw new KernelException("device lost");
            }
            offset.addAndGet(nanos);
        }
    }

    private BackendSelector selector(ComputeBackend... backends) {
        return new BackendSelector(List.of(backends), () -> System.nanoTime() + offset.get());
    }

    @Test
    void choosesTheFastestBackendThatRunsEachKernelAndRecordsWhyOthersWereNot() {
        Fake instant = new Fake("instant", 0, Availability.yes(), false);
        Fake slow = new Fake("slow", 60_000_000_000L, Availability.yes(), false);
        Fake broken = new Fake("broken", 0, Availability.yes(), true);
        Fake absent = new Fake("absent", 0, Availability.no("no such device"), false);
        BackendChoice choice = selector(instant, slow, broken, absent).calibrate(Map.of());
        assertThat(choice.backendFor(KernelNames.SGEMM).id()).isEqualTo("instant");
        assertThat(choice.backendFor(KernelNames.BATCHED_GEMV).id()).isEqualTo("instant");
        // The fakes lack the other kernels; the reference (added automatically) takes them.
        assertThat(choice.backendFor(KernelNames.SPOT_TRAINING_MONTE_CARLO).id()).isEqualTo(ReferenceBackend.ID);
        assertThat(choice.reasons().get(KernelNames.SGEMM)).startsWith("fastest in calibration");
        assertThat(choice.measurements()).anySatisfy(m -> {
            assertThat(m.backendId()).isEqualTo("broken");
            assertThat(m.problem()).contains("device lost");
        }).anySatisfy(m -> {
            assertThat(m.backendId()).isEqualTo("absent");
            assertThat(m.problem()).contains("not available: no such device");
        }).anySatisfy(m -> {
            assertThat(m.backendId()).isEqualTo("slow");
            assertThat(m.kernel()).isEqualTo(KernelNames.COMMITMENT_COVERAGE);
            assertThat(m.problem()).contains("does not implement");
        });
        assertThat(choice.measurements()).filteredOn(m -> m.kernel().equals(KernelNames.SGEMM) && m.succeeded())
                .allSatisfy(m -> assertThat(m.gflops()).isPositive());
    }

    @Test
    void anOverrideWinsWhenItsBackendCanRunTheKernelAndIsExplainedWhenNot() {
        Fake instant = new Fake("instant", 0, Availability.yes(), false);
        Fake slow = new Fake("slow", 60_000_000_000L, Availability.yes(), false);
        BackendChoice choice = selector(instant, slow).calibrate(Map.of(KernelNames.SGEMM, "slow",
                KernelNames.SPOT_TRAINING_MONTE_CARLO, "slow"));
        assertThat(choice.backendFor(KernelNames.SGEMM).id()).isEqualTo("slow");
        assertThat(choice.reasons().get(KernelNames.SGEMM)).contains("overridden");
        assertThat(choice.backendFor(KernelNames.SPOT_TRAINING_MONTE_CARLO).id()).isEqualTo(ReferenceBackend.ID);
        assertThat(choice.reasons().get(KernelNames.SPOT_TRAINING_MONTE_CARLO))
                .contains("override 'slow' cannot run this kernel");
        // Clearing the override re-chooses from the same measurements, without measuring again.
        BackendChoice again = selector(instant, slow).choose(choice.measurements(), Map.of());
        assertThat(again.backendFor(KernelNames.SGEMM).id()).isEqualTo("instant");
        assertThat(again.measurements()).isEqualTo(choice.measurements());
    }
}
