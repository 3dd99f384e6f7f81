package dev.burnrate.engine.anomaly;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.KernelRouter;
import dev.burnrate.engine.timeseries.SeriesBatch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Map;

/**
 * Streaming anomaly scores for every series of a {@link SeriesBatch} in one kernel call on the routed backend
 * (reference, jvm-simd, ...). Scoring is incremental: pass the state a previous call returned and only the new
 * steps, and the scores equal those of a rescan of the whole history.
 */
public final class AnomalyDetector {

    private final KernelRouter router;
    private final int warmup;

    /** A detector with NAB's warm-up ({@value AnomalyScoreKernel#DEFAULT_WARMUP} points). */
    public AnomalyDetector(KernelRouter router) {
        this(router, AnomalyScoreKernel.DEFAULT_WARMUP);
    }

    /**
     * @param warmup points a series observes before it can be scored above the level residual's likelihood
     *               (e.g. two weeks of a daily cost series)
     */
    public AnomalyDetector(KernelRouter router, int warmup) {
        if (warmup < 1) {
            throw new IllegalArgumentException("the warm-up must be at least one point: " + warmup);
        }
        this.router = router;
        this.warmup = warmup;
    }

    /** The id of the backend that scores. */
    public String backendId() {
        return router.backendFor(KernelNames.ANOMALY_SCORE).id();
    }

    /** Scores a batch from scratch. */
    public AnomalyScores score(SeriesBatch batch) throws KernelException {
        return score(batch.values(), batch.count(), batch.length(), AnomalyState.fresh(batch.count()));
    }

    /** Scores the steps of {@code batch}, continuing each series from {@code state} (one entry per series). */
    public AnomalyScores score(SeriesBatch batch, AnomalyState state) throws KernelException {
        return score(batch.values(), batch.count(), batch.length(), state);
    }

    /** Scores {@code series} rows of {@code length} steps ({@code values} row-major, NaN = missing). */
    public AnomalyScores score(double[] values, int series, int length, AnomalyState state) throws KernelException {
        if (state.series() != series) {
            throw new IllegalArgumentException("the state holds " + state.series() + " series but the batch "
                    + series);
        }
        if ((long) series * length != values.length) {
            throw new IllegalArgumentException(series + " series of " + length + " steps need "
                    + (long) series * length + " values but got " + values.length);
        }
        int points = series * length;
        DoubleBuffer in = direct(values.length);
        in.put(0, values);
        DoubleBuffer stateIn = direct(state.values().length);
        stateIn.put(0, state.values());
        DoubleBuffer score = direct(points);
        DoubleBuffer expected = direct(points);
        DoubleBuffer stateOut = direct(state.values().length);
        router.backendFor(KernelNames.ANOMALY_SCORE).launch(new KernelLaunch(KernelNames.ANOMALY_SCORE, series,
                Map.of("values", in, "stateIn", stateIn, "score", score, "expected", expected,
                        "stateOut", stateOut), Map.of("length", length, "warmup", warmup)));
        double[] scores = new double[points];
        score.get(0, scores);
        double[] baseline = new double[points];
        expected.get(0, baseline);
        double[] next = new double[state.values().length];
        stateOut.get(0, next);
        return new AnomalyScores(series, length, scores, baseline, new AnomalyState(series, next));
    }

    private static DoubleBuffer direct(int length) {
        return ByteBuffer.allocateDirect(Math.max(1, length) * Double.BYTES).order(ByteOrder.nativeOrder())
                .asDoubleBuffer();
    }
}
