package dev.burnrate.portal.anomaly;

import dev.burnrate.engine.timeseries.SeriesBatch;

/**
 * Causal anomaly scores for every point of a batch: a point's score and expected value use only the points before
 * it. The engine's detector runs behind it on the chosen compute backend.
 */
@FunctionalInterface
public interface PointScorer {

    /**
     * @param score    per point, row-major like the batch's values, in [0, 1]
     * @param expected per point, what the series' history predicted (NaN where it predicts nothing yet)
     */
    record Scored(double[] score, double[] expected) {
    }

    Scored score(SeriesBatch batch);
}
