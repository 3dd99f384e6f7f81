package dev.burnrate.portal.anomaly;

import dev.burnrate.engine.timeseries.SeriesBatch;

/**
 * One team's spend for a detection run: the parent series (one per billing currency) and, per root-cause
 * dimension, the child series (one per currency and value), all on the same daily axis, each with its scores.
 *
 * @param label what people call the series, e.g. the team, or "team · dataset" when it has several datasets
 */
record SeriesSet(String label, SeriesBatch parents, PointScorer.Scored parentScores,
                 java.util.Map<String, Children> children) {

    /** The children of one dimension: keys are [currency, value]. */
    record Children(SeriesBatch batch, PointScorer.Scored scores) {
    }
}
