package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.kernel.conformance.KernelBuffers;
import dev.burnrate.engine.kernel.conformance.SmoothingInputs;
import org.junit.jupiter.api.Test;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExpSmoothingKernelTest {

    private final ReferenceBackend reference = new ReferenceBackend();

    /** A pure cycle of 6 steps repeated: the initial state already fits it, so any parameters forecast it. */
    private static SmoothingInputs.Series pureCycle(int steps) {
        DoubleBuffer values = KernelBuffers.doubles(steps);
        for (int t = 0; t < steps; t++) {
            values.put(t, 50 + 10 * ((t % 6) - 2.5));
        }
        IntBuffer lengths = KernelBuffers.ints(1);
        lengths.put(0, steps);
        return new SmoothingInputs.Series(values, lengths, 1, steps);
    }

    @Test
    void pureCycleIsFitWithoutErrorAndForecastExactly() throws KernelException {
        SmoothingInputs.Series series = pureCycle(60);
        DoubleBuffer mse = KernelBuffers.doubles(2);
        reference.launch(SmoothingInputs.gridLaunch(series, KernelBuffers.of(0.3, 0, 0, 0.1, 0, 0.9, 0.1, 0.5, 0.4, 0),
                2, 6, 0, mse));
        assertThat(mse.get(0)).isZero();
        assertThat(mse.get(1)).isZero();
        DoubleBuffer forecast = KernelBuffers.doubles(13);
        reference.launch(SmoothingInputs.forecastLaunch(series, KernelBuffers.of(0.3, 0.1, 0.9, 0.2, 0), 6, 0, 13,
                forecast));
        for (int k = 0; k < 13; k++) {
            assertThat(forecast.get(k)).isEqualTo(50 + 10 * (((60 + k) % 6) - 2.5));
        }
    }

    @Test
    void trendIsFollowedByAnUndampedModel() throws KernelException {
        int steps = 400;
        DoubleBuffer values = KernelBuffers.doubles(steps);
        for (int t = 0; t < steps; t++) {
            values.put(t, 3 + 0.5 * t);
        }
        IntBuffer lengths = KernelBuffers.ints(1);
        lengths.put(0, steps);
        SmoothingInputs.Series series = new SmoothingInputs.Series(values, lengths, 1, steps);
        DoubleBuffer forecast = KernelBuffers.doubles(5);
        reference.launch(SmoothingInputs.forecastLaunch(series, KernelBuffers.of(0.5, 0.3, 1, 0, 0), 1, 0, 5,
                forecast));
        for (int k = 0; k < 5; k++) {
            assertThat(forecast.get(k)).isCloseTo(3 + 0.5 * (steps + k), within(1e-6));
        }
    }

    @Test
    void missingStepsLeaveTheStateAlone() throws KernelException {
        SmoothingInputs.Series series = pureCycle(60);
        series.values().put(40, Double.NaN);
        DoubleBuffer mse = KernelBuffers.doubles(1);
        reference.launch(SmoothingInputs.gridLaunch(series, KernelBuffers.of(0.5, 0, 0, 0.5, 0), 1, 6, 0, mse));
        assertThat(mse.get(0)).isZero();
    }

    @Test
    void rejectsParametersOutsideTheUnitIntervalAndAMisfitSecondCycle() {
        SmoothingInputs.Series series = pureCycle(60);
        assertThatThrownBy(() -> reference.launch(SmoothingInputs.gridLaunch(series,
                KernelBuffers.of(1.5, 0, 0, 0, 0), 1, 6, 0, KernelBuffers.doubles(1))))
                .isInstanceOf(KernelException.class).hasMessageContaining("grid[0][0]");
        assertThatThrownBy(() -> reference.launch(SmoothingInputs.gridLaunch(series,
                KernelBuffers.of(0.5, 0, 0, 0, 0), 1, 6, 20, KernelBuffers.doubles(1))))
                .isInstanceOf(KernelException.class).hasMessageContaining("period2");
    }
}
