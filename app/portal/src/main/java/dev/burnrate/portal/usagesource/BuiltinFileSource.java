package dev.burnrate.portal.usagesource;

import dev.burnrate.api.UsageSourceException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A usage source inside the portal whose batches are whole FOCUS files, read by the portal's own importers (CSV,
 * Arrow IPC, Parquet) with every FOCUS column, rather than the API's {@code UsageRecord}s. Each run imports one file
 * as a new version, exactly as an upload does; it is listed, configured, scheduled and recorded like any plugin's
 * {@code UsageSource}.
 */
interface BuiltinFileSource {

    String id();

    String displayName();

    /** The next file to import, or empty when none waits. Must not change anything. */
    Optional<Path> nextFile() throws UsageSourceException;

    /** The file's import ended: {@code stored} (a new or identical version) or rejected. Never import it again. */
    void settle(Path file, boolean stored) throws UsageSourceException;
}
