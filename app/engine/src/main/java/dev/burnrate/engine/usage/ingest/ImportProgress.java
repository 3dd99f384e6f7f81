package dev.burnrate.engine.usage.ingest;

/**
 * Receives the progress of one import, so a caller can show it while the import runs on another thread. It is
 * called from the importing thread at most once every {@link #EVERY_ROWS} rows plus once per phase change, so it
 * costs nothing measurable; implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Rows between two reports while reading. */
    int EVERY_ROWS = 4096;

    /** Ignores all reports. */
    ImportProgress NONE = (phase, rows, fraction) -> { };

    /** What the import is doing. */
    enum Phase {
        /** hashing a file that must be read twice (Arrow IPC file, Parquet) */
        HASHING,
        /** reading, validating and converting rows to Arrow */
        READING,
        /** closing the version files after the last row */
        WRITING,
        /** all rows read and the version files complete (the caller still publishes) */
        DONE
    }

    /**
     * @param phase    the current phase
     * @param rows     rows read so far
     * @param fraction how far the import is, 0 to 1, never decreasing; -1 when the source cannot tell
     */
    void update(Phase phase, long rows, double fraction);
}
