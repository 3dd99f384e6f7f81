package dev.burnrate.engine.timeseries;

/** What a step with no billing rows becomes in a {@link SeriesBatch}. */
public enum GapPolicy {
    /** No rows means no spend: 0. Right for cost, where a resource that did not run costs nothing. */
    ZERO,
    /** No rows means not observed: NaN, for the models to skip (e.g. a feed that was late or lost). */
    MISSING
}
