package dev.burnrate.engine.anomaly;

import dev.burnrate.api.KernelException;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.kernel.ReferenceBackend;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.burnrate.engine.anomaly.AnomalyDetectorTest.batch;
import static dev.burnrate.engine.anomaly.AnomalyDetectorTest.filled;
import static dev.burnrate.engine.anomaly.AnomalyDetectorTest.noisy;
import static org.assertj.core.api.Assertions.assertThat;

/** Odd series score in [0, 1] without exceptions, and the obvious ones score the obvious way. */
class AnomalyScoreKernelDegenerateTest {

    private final AnomalyDetector detector = new AnomalyDetector(KernelRouter.always(new ReferenceBackend()));

    static double[] withNaNRun(double[] values, int from, int to) {
        for (int t = from; t < to; t++) {
            values[t] = Double.NaN;
        }
        return values;
    }

    private static double[] credits(int length) {
        SplittableRandom random = new SplittableRandom(9);
        double[] values = new double[length];
        for (int t = 0; t < length; t++) {
            values[t] = -50 - random.nextDouble() * 5;
        }
        return values;
    }

    private static double[] huge(int length) {
        double[] values = new double[length];
        for (int t = 0; t < length; t++) {
            values[t] = (t % 3 == 0 ? -1 : 1) * 1e300 * (1 + t % 5);
        }
        values[length / 2] = Double.MAX_VALUE;
        values[length / 2 + 1] = -Double.MAX_VALUE;
        return values;
    }

    @Test
    void everyOddSeriesScoresWithinZeroAndOne() throws KernelException {
        double[][] odd = {filled(400, 0), filled(400, 7.5), withNaNRun(noisy(400, 1), 0, 390),
                filled(400, Double.NaN), credits(400), huge(400),
                withNaNRun(noisy(400, 2), 150, 350), infinities(noisy(400, 3))};
        AnomalyScores scores = detector.score(batch(odd));
        for (int i = 0; i < scores.score().length; i++) {
            assertThat(scores.score()[i]).as("score %d", i).isBetween(0.0, 1.0);
        }
        for (double v : scores.state().values()) {
            assertThat(v).as("state").isNotNaN();
        }
    }

    @Test
    void constantAndZeroSeriesNeverAlarmUntilTheyChange() throws KernelException {
        double[] zeros = filled(300, 0);
        double[] constant = filled(300, 42);
        double[] step = filled(300, 42);
        step[250] = 43;
        AnomalyScores scores = detector.score(batch(zeros, constant, step));
        for (int t = 0; t < 300; t++) {
            assertThat(scores.score(0, t)).isZero();
            assertThat(scores.score(1, t)).isZero();
            assertThat(scores.expected(1, t)).isEqualTo(42);
        }
        assertThat(scores.score(2, 250)).as("the first change of a constant series").isEqualTo(1);
    }

    @Test
    void veryShortSeriesAndMissingValuesScoreZero() throws KernelException {
        AnomalyScores empty = detector.score(batch(new double[0], new double[0]));
        assertThat(empty.score()).isEmpty();
        assertThat(empty.state().observed(1)).isZero();
        AnomalyScores two = detector.score(batch(new double[] {5, 500}, new double[] {Double.NaN, 3}));
        assertThat(two.score()).containsOnly(0.0);
        assertThat(two.expected(1, 0)).as("nothing seen yet").isNaN();
        assertThat(two.expected(0, 1)).isEqualTo(5);
    }

    @Test
    void negativeCreditsAreScoredLikeCosts() throws KernelException {
        double[] values = credits(400);
        values[300] = -500;
        AnomalyScores scores = detector.score(batch(values));
        assertThat(scores.score(0, 300)).isEqualTo(1);
        assertThat(scores.expected(0, 300)).isBetween(-56.0, -49.0);
    }

    private static double[] infinities(double[] values) {
        values[200] = Double.POSITIVE_INFINITY;
        values[201] = Double.NEGATIVE_INFINITY;
        return values;
    }
}
