package dev.burnrate.engine.usage.store;

/** How a version was made. */
public enum Transform {
    /** Read from a source file. */
    IMPORT,
    /** A parent version plus new rows (e.g. metered usage). */
    APPEND,
    /** The rows of a parent version that match a filter. */
    FILTER,
    /** The union of several parent versions. */
    MERGE
}
