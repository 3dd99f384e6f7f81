package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.conformance.KernelBuffers;
import org.junit.jupiter.api.Test;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The reference Monte Carlo against the closed form of the memoryless case (within 1% at 10^6 scenarios, as the
 * issue asks) and against cases whose result is known exactly.
 */
class SpotTrainingKernelTest {

    private final ReferenceBackend reference = new ReferenceBackend();

    @Test
    void meanWallTimeAndInterruptionsMatchTheClosedFormWithinOnePercentAtAMillionScenarios()
            throws KernelException {
        assertMatchesClosedForm(new SpotTrainingPlan(100, 4, 0.1, 0.5, 0.05, 30, 98, 0, 0, 1_000_000));
        // A ragged last segment, long checkpoints, a high rate and slow restarts.
        assertMatchesClosedForm(new SpotTrainingPlan(61.5, 6, 0.4, 2, 0.12, 12, 40, 0, 0, 1_000_000));
    }

    private void assertMatchesClosedForm(SpotTrainingPlan plan) throws KernelException {
        Result result = run(plan, 1_000_000, 7);
        double expectedWall = plan.expectedWallHoursMemoryless();
        assertThat(result.mean(result.wallHours)).as("mean wall hours vs closed form %s", expectedWall)
                .isCloseTo(expectedWall, within(0.01 * expectedWall));
        double expectedInterruptions = plan.expectedInterruptionsMemoryless();
        assertThat(result.meanInterruptions()).as("mean interruptions vs closed form %s", expectedInterruptions)
                .isCloseTo(expectedInterruptions, within(0.01 * expectedInterruptions));
        // Without a deadline everything runs on spot, so cost is the spot price times wall time.
        assertThat(result.mean(result.cost)).isCloseTo(plan.spotPrice() * result.mean(result.wallHours),
                within(1e-6 * expectedWall * plan.spotPrice()));
    }

    @Test
    void withoutInterruptionsEveryScenarioTakesTheWorkPlusCheckpoints() throws KernelException {
        SpotTrainingPlan plan = new SpotTrainingPlan(10, 3, 0.25, 1, 0, 2, 5, 0, 0, 1);
        Result result = run(plan, 100, 1);
        for (int s = 0; s < 100; s++) {
            assertThat(result.wallHours.get(s)).isCloseTo(10 + 3 * 0.25, within(1e-12));
            assertThat(result.cost.get(s)).isCloseTo(2 * (10 + 3 * 0.25), within(1e-12));
            assertThat(result.interruptions.get(s)).isZero();
        }
    }

    @Test
    void anUnreachableDeadlineFallsBackToOnDemandAtTheFirstInterruption() throws KernelException {
        SpotTrainingPlan plan = new SpotTrainingPlan(50, 5, 0, 1, 0.5, 1, 3, 10, 0, 100);
        Result result = run(plan, 1_000, 3);
        for (int s = 0; s < 1_000; s++) {
            assertThat(result.interruptions.get(s)).isLessThanOrEqualTo(1);
            if (result.interruptions.get(s) == 1) {
                assertThat(result.onDemandHours.get(s)).isGreaterThan(1);
            }
        }
        assertThat(result.meanInterruptions()).isGreaterThan(0.99);
    }

    @Test
    void theInterruptionCapSendsTheRestOfTheJobToOnDemand() throws KernelException {
        Result result = run(new SpotTrainingPlan(200, 2, 0.05, 0.25, 0.4, 1, 3, 0, 0, 3), 2_000, 5);
        for (int s = 0; s < 2_000; s++) {
            assertThat(result.interruptions.get(s)).isLessThanOrEqualTo(3);
        }
        assertThat(result.mean(result.onDemandHours)).isGreaterThan(100);
    }

    @Test
    void theSameSeedGivesTheSameScenariosAndAnotherSeedOthers() throws KernelException {
        SpotTrainingPlan plan = new SpotTrainingPlan(40, 4, 0.1, 0.5, 0.2, 1, 3, 0, 0, 100);
        Result first = run(plan, 500, 11);
        Result again = run(plan, 500, 11);
        Result other = run(plan, 500, 12);
        assertThat(again.wallHours).isEqualTo(first.wallHours);
        assertThat(other.wallHours).isNotEqualTo(first.wallHours);
    }

    @Test
    void rejectsMalformedLaunchesWithTheArgumentNamed() {
        Map<String, Number> scalars = new HashMap<>(
                new SpotTrainingPlan(10, 1, 0, 0, 0.1, 1, 1, 0, 0, 1).params(1).scalars());
        scalars.put("segments", 0);
        assertThatThrownBy(() -> reference.launch(launch(scalars, 4))).isInstanceOf(KernelException.class)
                .hasMessageContaining("segments");
        scalars.put("segments", 10);
        scalars.remove("restartHours");
        assertThatThrownBy(() -> reference.launch(launch(scalars, 4))).hasMessageContaining("restartHours");
        scalars.put("restartHours", 2.5);
        scalars.put("maxInterruptions", 1.5);
        assertThatThrownBy(() -> reference.launch(launch(scalars, 4))).hasMessageContaining("maxInterruptions");
    }

    private static KernelLaunch launch(Map<String, Number> scalars, int size) {
        return new KernelLaunch(KernelNames.SPOT_TRAINING_MONTE_CARLO, size,
                Map.of("wallHours", KernelBuffers.doubles(size), "cost", KernelBuffers.doubles(size),
                        "onDemandHours", KernelBuffers.doubles(size), "interruptions", KernelBuffers.ints(size)),
                scalars);
    }

    private Result run(SpotTrainingPlan plan, int scenarios, long seed) throws KernelException {
        Result result = new Result(KernelBuffers.doubles(scenarios), KernelBuffers.doubles(scenarios),
                KernelBuffers.doubles(scenarios), KernelBuffers.ints(scenarios));
        reference.launch(new KernelLaunch(KernelNames.SPOT_TRAINING_MONTE_CARLO, scenarios,
                Map.of("wallHours", result.wallHours, "cost", result.cost, "onDemandHours", result.onDemandHours,
                        "interruptions", result.interruptions), plan.params(seed).scalars()));
        return result;
    }

    private record Result(DoubleBuffer wallHours, DoubleBuffer cost, DoubleBuffer onDemandHours,
                          IntBuffer interruptions) {
        double mean(DoubleBuffer values) {
            double sum = 0;
            for (int i = 0; i < values.capacity(); i++) {
                sum += values.get(i);
            }
            return sum / values.capacity();
        }

        double meanInterruptions() {
            long sum = 0;
            for (int i = 0; i < interruptions.capacity(); i++) {
                sum += interruptions.get(i);
            }
            return (double) sum / interruptions.capacity();
        }
    }
}
