package dev.burnrate.engine.usage.validation;

/** How much a problem matters. */
public enum Severity {
    /** Accepted and normalised (e.g. a case variant of an allowed value); reported, never rejects. */
    WARNING,
    /** The row does not conform: strict mode rejects the file, lenient mode quarantines the row. */
    ERROR,
    /** The file cannot be read as a dataset at all (encoding, limits, missing core column): always rejects. */
    FATAL
}
