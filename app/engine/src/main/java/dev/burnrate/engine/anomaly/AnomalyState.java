package dev.burnrate.engine.anomaly;

import dev.burnrate.api.KernelNames;

/**
 * The scoring state of many series as one flat array ({@link KernelNames#ANOMALY_STATE_WIDTH} doubles per series,
 * laid out as the {@link KernelNames#ANOMALY_SCORE} contract says): what lets new points be scored later without
 * rescanning history. All zeros is the state of a series never scored.
 */
public record AnomalyState(int series, double[] values) {

    public AnomalyState {
        if ((long) series * KernelNames.ANOMALY_STATE_WIDTH != values.length) {
            throw new IllegalArgumentException("state of " + series + " series needs "
                    + (long) series * KernelNames.ANOMALY_STATE_WIDTH + " numbers but has " + values.length);
        }
    }

    /** The state of {@code series} series that have seen nothing yet. */
    public static AnomalyState fresh(int series) {
        return new AnomalyState(series, new double[series * KernelNames.ANOMALY_STATE_WIDTH]);
    }

    /** Observed (non-missing) points series {@code s} has been scored on. */
    public long observed(int s) {
        return (long) values[s * KernelNames.ANOMALY_STATE_WIDTH + AnomalyScoreKernel.N];
    }
}
