package dev.burnrate.engine.anomaly;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import dev.burnrate.engine.timeseries.SeriesBatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming scores on the reference backend: causality, incremental state, detection of a planted spike. */
class AnomalyDetectorTest {

    private final AnomalyDetector detector = new AnomalyDetector(KernelRouter.always(new ReferenceBackend()));

    static double[] noisy(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int t = 0; t < length; t++) {
            values[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 24) + random.nextGaussian() * 3;
        }
        return values;
    }

    static SeriesBatch batch(double[]... series) {
        int length = series.length == 0 ? 0 : series[0].length;
        double[] values = new double[series.length * length];
        List<List<String>> keys = new ArrayList<>();
        for (int s = 0; s < series.length; s++) {
            System.arraycopy(series[s], 0, values, s * length, length);
            keys.add(List.of("s" + s));
        }
        return new SeriesBatch(keys, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1), length, values);
    }

    @Test
    void aPlantedSpikeScoresNearOneAndOrdinaryNoiseStaysLow() throws KernelException {
        double[] values = noisy(600, 1);
        values[400] += 60;
        AnomalyScores scores = detector.score(batch(values));
        assertThat(scores.score(0, 400)).isGreaterThan(0.9);
        // Gaussian noise keeps setting new lows and highs now and then (a range breach scores 1 by design), so
        // the claim is about how rarely ordinary points alarm, not that none ever does.
        int quiet = 0;
        int alarms = 0;
        for (int t = 150; t < 600; t++) {
            if (t < 400 || t > 420) {
                quiet++;
                alarms += scores.score(0, t) > 0.5 ? 1 : 0;
            }
        }
        assertThat(alarms).as("ordinary points scoring above 0.5 of %d", quiet).isLessThanOrEqualTo(quiet / 100);
        assertThat(scores.expected(0, 400)).as("the spike is judged against the level before it")
                .isBetween(80.0, 120.0);
    }

    @Test
    void aPointsScoreDependsOnlyOnThePast() throws KernelException {
        double[] values = noisy(500, 2);
        double[] changedFuture = values.clone();
        for (int t = 300; t < 500; t++) {
            changedFuture[t] = t % 7 == 0 ? 1e6 : -50;
        }
        AnomalyScores a = detector.score(batch(values));
        AnomalyScores b = detector.score(batch(changedFuture));
        for (int t = 0; t < 300; t++) {
            assertThat(b.score(0, t)).as("score at %d", t).isEqualTo(a.score(0, t));
            assertThat(b.expected(0, t)).as("expected at %d", t).isEqualTo(a.expected(0, t));
        }
        assertThat(b.score(0, 300)).isNotEqualTo(a.score(0, 300));
    }

    @Test
    void scoringNewPointsFromTheStateEqualsARescanOfTheWholeHistory() throws KernelException {
        double[] first = noisy(700, 3);
        first[650] = Double.NaN;
        first[500] *= 3;
        double[] second = AnomalyScoreKernelDegenerateTest.withNaNRun(noisy(700, 4), 10, 40);
        SeriesBatch whole = batch(first, second);
        AnomalyScores full = detector.score(whole);
        for (int split : new int[] {0, 1, 5, 60, 101, 399, 699, 700}) {
            AnomalyScores head = detector.score(slice(whole, 0, split));
            AnomalyScores tail = detector.score(slice(whole, split, 700), head.state());
            for (int s = 0; s < 2; s++) {
                for (int t = 0; t < 700; t++) {
                    AnomalyScores part = t < split ? head : tail;
                    int at = t < split ? t : t - split;
                    assertThat(part.score(s, at)).as("split %d series %d step %d", split, s, t)
                            .isEqualTo(full.score(s, t));
                    assertThat(part.expected(s, at)).isEqualTo(full.expected(s, t));
                }
            }
            assertThat(tail.state().values()).containsExactly(full.state().values());
        }
        assertThat(full.state().observed(0)).isEqualTo(699);
    }

    @Test
    void refusesAStateOfAnotherBatch() {
        SeriesBatch two = batch(noisy(10, 5), noisy(10, 6));
        assertThatThrownBy(() -> detector.score(two, AnomalyState.fresh(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 series");
        assertThatThrownBy(() -> new AnomalyState(2, new double[5])).hasMessageContaining("needs");
    }

    static SeriesBatch slice(SeriesBatch batch, int from, int to) {
        double[] values = new double[batch.count() * (to - from)];
        for (int s = 0; s < batch.count(); s++) {
            System.arraycopy(batch.values(), s * batch.length() + from, values, s * (to - from), to - from);
        }
        return new SeriesBatch(batch.keys(), batch.time(from), batch.step(), to - from, values);
    }

    static double[] filled(int length, double value) {
        double[] values = new double[length];
        Arrays.fill(values, value);
        return values;
    }
}
