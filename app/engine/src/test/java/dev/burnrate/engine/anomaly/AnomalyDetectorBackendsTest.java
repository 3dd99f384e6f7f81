package dev.burnrate.engine.anomaly;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.BackendChoice;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.kernel.simd.JvmSimdBackend;
import dev.burnrate.engine.timeseries.SeriesBatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Thousands of series in one call, through a backend choice, with the reference's results. */
class AnomalyDetectorBackendsTest {

    @Test
    void thousandsOfSeriesInOneCallOnTheChosenBackendMatchTheReference() throws KernelException {
        int series = 3_000;
        int length = 240;
        double[] values = new double[series * length];
        List<List<String>> keys = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            double[] row = AnomalyDetectorTest.noisy(length, s);
            if (s % 3 == 0) {
                row[200] *= 4;
            }
            System.arraycopy(row, 0, values, s * length, length);
            keys.add(List.of("team-" + s % 17, "service-" + s));
        }
        SeriesBatch batch = new SeriesBatch(keys, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1), length,
                values);
        try (JvmSimdBackend simd = new JvmSimdBackend(2, Map.of())) {
            // A calibrated choice as the portal holds it (calibrating every kernel here would take minutes).
            BackendChoice choice = new BackendChoice(Map.of(KernelNames.ANOMALY_SCORE, simd), List.of(),
                    Map.of(KernelNames.ANOMALY_SCORE, "test"));
            AnomalyDetector routed = new AnomalyDetector(choice);
            assertThat(routed.backendId()).isEqualTo(JvmSimdBackend.ID);

            AnomalyScores actual = routed.score(batch);
            AnomalyScores expected = new AnomalyDetector(KernelRouter.always(new ReferenceBackend())).score(batch);

            assertThat(actual.score()).isEqualTo(expected.score());
            assertThat(actual.expected()).isEqualTo(expected.expected());
            assertThat(actual.state().values()).containsExactly(expected.state().values());
            // A spike right after another alarm is damped (suppression of repeats), so not every one scores high.
            int planted = 0;
            int found = 0;
            for (int s = 0; s < series; s += 3) {
                planted++;
                found += actual.score(s, 200) > 0.9 ? 1 : 0;
            }
            assertThat(found).as("planted spikes scoring above 0.9 of %d", planted).isGreaterThan(planted * 9 / 10);
        }
    }
}
