package dev.burnrate.engine.usage.validation;

/** What an import does with rows that do not conform. */
public enum ValidationMode {
    /** Any error rejects the whole file; nothing is imported. */
    STRICT,
    /** Bad rows go to a separate quarantine CSV; the good rows become the version. */
    LENIENT
}
