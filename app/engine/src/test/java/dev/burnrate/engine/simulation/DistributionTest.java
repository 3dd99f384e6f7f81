package dev.burnrate.engine.simulation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionTest {

    @Test
    void nearestRankPercentilesAndMean() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[99 - i] = i + 1;
        }
        Distribution d = Distribution.of(values);
        assertThat(d.mean()).isEqualTo(50.5);
        assertThat(d.p50()).isEqualTo(50);
        assertThat(d.p90()).isEqualTo(90);
        assertThat(d.p99()).isEqualTo(99);
        assertThat(d.min()).isEqualTo(1);
        assertThat(d.max()).isEqualTo(100);
        assertThat(values[0]).as("input left unsorted").isEqualTo(100);
        assertThatThrownBy(() -> Distribution.of(new double[0])).hasMessageContaining("no values");
    }

    @Test
    void histogramBinsEveryValue() {
        Histogram h = Histogram.of(new double[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 10}, 5);
        assertThat(h.edges()).containsExactly(0, 2, 4, 6, 8, 10);
        assertThat(h.counts()).containsExactly(2, 2, 2, 2, 2);
        assertThat(Arrays.stream(Histogram.of(new double[]{3, 3}, 5).counts()).sum()).isEqualTo(2);
    }
}
