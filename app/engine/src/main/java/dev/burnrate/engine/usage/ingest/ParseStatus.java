package dev.burnrate.engine.usage.ingest;

/** Outcome of parsing one cell. */
public enum ParseStatus {
    /** Canonical FOCUS form. */
    OK,
    /** Accepted in a non-canonical form (e.g. {@code $1,000.00}, {@code 2024-09-01 00:00:00}); worth a warning. */
    NORMALISED,
    /** Not a value of the type. */
    INVALID
}
