package dev.burnrate.engine.anomaly;

/**
 * Scores of a batch: {@code score[s * length + t]} in [0, 1] and the causal baseline {@code expected[s * length +
 * t]} the value was judged against (NaN before a series' first value), plus the state after the last step.
 */
public record AnomalyScores(int series, int length, double[] score, double[] expected, AnomalyState state) {

    public double score(int s, int t) {
        return score[s * length + t];
    }

    public double expected(int s, int t) {
        return expected[s * length + t];
    }
}
