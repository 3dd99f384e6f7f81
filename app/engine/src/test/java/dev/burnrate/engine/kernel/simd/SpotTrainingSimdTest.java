package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.SpotTrainingKernel;
import dev.burnrate.engine.kernel.SpotTrainingParams;
import dev.burnrate.engine.kernel.SpotTrainingPlan;
import dev.burnrate.engine.kernel.conformance.KernelBuffers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vector Monte Carlo against the reference bit for bit, on ranges the conformance suite does not reach: one
 * call longer than a block of lanes' state, a range that does not start at 0, an empty range, and calls one after
 * the other on the thread whose lane state they reuse.
 */
class SpotTrainingSimdTest {

    private static final SpotTrainingParams DEADLINE_AND_CAP =
            new SpotTrainingPlan(37.3, 2.5, 0.2, 0.75, 0.3, 12.5, 40, 60, 2, 6).params(7);

    @Test
    void oneCallOverSeveralBlocksMatchesTheReferenceBitForBit() {
        assertMatches(DEADLINE_AND_CAP, 0, 150_001);
    }

    @Test
    void aRangeInsideTheLaunchWritesOnlyItsScenarios() {
        int size = 5_000;
        SpotTrainingKernel.Outputs reference = outputs(size);
        SpotTrainingKernel.Outputs simd = outputs(size);
        SpotTrainingKernel.run(DEADLINE_AND_CAP, reference, 1_003, 4_321);
        SpotTrainingSimd.run(DEADLINE_AND_CAP, simd, 1_003, 4_321);
        assertSame(reference, simd, size);
        assertThat(simd.wallHours().get(1_002)).isZero();
        assertThat(simd.wallHours().get(4_321)).isZero();
    }

    @Test
    void callsOnOneThreadReuseItsLaneStateWithoutCarryingAnythingOver() {
        SpotTrainingParams noDeadline = new SpotTrainingPlan(500, 8, 0.1, 0.5, 0.02, 3, 9, 0, 0, 1000).params(11);
        SpotTrainingParams noInterruptions = new SpotTrainingPlan(10, 1, 0, 0.5, 0, 3, 9, 0, 0, 1000).params(5);
        assertMatches(noDeadline, 0, 20_000);
        assertMatches(DEADLINE_AND_CAP, 0, 5);
        assertMatches(noInterruptions, 0, 3);
        assertMatches(noDeadline, 17, 40);
    }

    @Test
    void anEmptyRangeWritesNothing() {
        SpotTrainingKernel.Outputs simd = outputs(10);
        SpotTrainingSimd.run(DEADLINE_AND_CAP, simd, 4, 4);
        for (int s = 0; s < 10; s++) {
            assertThat(simd.wallHours().get(s)).isZero();
        }
    }

    private static void assertMatches(SpotTrainingParams params, int from, int to) {
        SpotTrainingKernel.Outputs reference = outputs(to);
        SpotTrainingKernel.Outputs simd = outputs(to);
        SpotTrainingKernel.run(params, reference, from, to);
        SpotTrainingSimd.run(params, simd, from, to);
        assertSame(reference, simd, to);
    }

    private static void assertSame(SpotTrainingKernel.Outputs expected, SpotTrainingKernel.Outputs actual, int size) {
        for (int s = 0; s < size; s++) {
            assertThat(actual.interruptions().get(s)).as("interruptions of %d", s)
                    .isEqualTo(expected.interruptions().get(s));
            assertThat(Double.doubleToRawLongBits(actual.wallHours().get(s))).as("wall hours of %d", s)
                    .isEqualTo(Double.doubleToRawLongBits(expected.wallHours().get(s)));
            assertThat(Double.doubleToRawLongBits(actual.cost().get(s))).as("cost of %d", s)
                    .isEqualTo(Double.doubleToRawLongBits(expected.cost().get(s)));
            assertThat(Double.doubleToRawLongBits(actual.onDemandHours().get(s))).as("on-demand hours of %d", s)
                    .isEqualTo(Double.doubleToRawLongBits(expected.onDemandHours().get(s)));
        }
    }

    private static SpotTrainingKernel.Outputs outputs(int size) {
        return new SpotTrainingKernel.Outputs(KernelBuffers.doubles(size), KernelBuffers.doubles(size),
                KernelBuffers.doubles(size), KernelBuffers.ints(size));
    }
}
