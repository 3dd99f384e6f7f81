package dev.burnrate.engine.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpotTrainingPlanTest {

    @Test
    void splitsWorkIntoCheckpointedSegments() {
        SpotTrainingPlan even = plan(100, 4, 0.1);
        assertThat(even.segments()).isEqualTo(25);
        assertThat(even.lastSegmentHours()).isEqualTo(4);
        assertThat(even.segmentHours()).isEqualTo(4.1);
        SpotTrainingPlan ragged = plan(10, 3, 0.25);
        assertThat(ragged.segments()).isEqualTo(4);
        assertThat(ragged.lastSegmentHours()).isCloseTo(1, within(1e-12));
        SpotTrainingPlan single = plan(2, 5, 0.25);
        assertThat(single.segments()).isEqualTo(1);
        assertThat(single.lastSegmentHours()).isEqualTo(2);
    }

    @Test
    void closedFormWithoutInterruptionsIsWorkPlusCheckpoints() {
        assertThat(plan(100, 4, 0.1).expectedWallHoursMemoryless()).isCloseTo(100 + 24 * 0.1, within(1e-9));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new SpotTrainingPlan(0, 1, 0, 0, 0, 1, 1, 0, 0, 1))
                .hasMessageContaining("workHours");
        assertThatThrownBy(() -> new SpotTrainingPlan(10, -1, 0, 0, 0, 1, 1, 0, 0, 1))
                .hasMessageContaining("checkpointIntervalHours");
        assertThatThrownBy(() -> new SpotTrainingPlan(10, 1, 0, 0, Double.NaN, 1, 1, 0, 0, 1))
                .hasMessageContaining("interruptionsPerHour");
        assertThatThrownBy(() -> new SpotTrainingPlan(10, 1, 0, 0, 0.1, 1, 1, 0, 0, 0))
                .hasMessageContaining("maxInterruptions");
        assertThatThrownBy(() -> new SpotTrainingPlan(1e9, 1e-3, 0, 0, 0.1, 1, 1, 0, 0, 1))
                .hasMessageContaining("segments");
    }

    private static SpotTrainingPlan plan(double work, double interval, double overhead) {
        return new SpotTrainingPlan(work, interval, overhead, 0.5, 0, 10, 30, 0, 0, 10);
    }
}
