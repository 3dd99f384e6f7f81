package dev.burnrate.engine.usage.schema;

/** FOCUS feature level: whether a column must be present in a dataset. */
public enum FeatureLevel {
    /** Must be present. */
    MANDATORY,
    /** Must be present when the provider supports the feature (commitments, regions, resources...). */
    CONDITIONAL,
    /** Should be present. */
    RECOMMENDED,
    /** Not a FOCUS column: a provider extension kept as found. */
    EXTENSION
}
