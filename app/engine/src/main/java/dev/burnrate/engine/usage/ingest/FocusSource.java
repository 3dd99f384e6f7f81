package dev.burnrate.engine.usage.ingest;

import java.io.IOException;

/** One input format (FOCUS CSV, Arrow IPC, Parquet): reads its rows into an {@link ImportSession}. */
public interface FocusSource {

    /** A short name for reports and lineage, e.g. {@code csv}. */
    String format();

    /**
     * Reads everything. Problems with the data are reported to the session; an {@link IOException} means the
     * source itself could not be read.
     */
    void readInto(ImportSession session) throws IOException;

    /** SHA-256 of the source bytes when the source hashed them while reading (after {@link #readInto}). */
    default java.util.Optional<String> sourceSha256() {
        return java.util.Optional.empty();
    }
}
