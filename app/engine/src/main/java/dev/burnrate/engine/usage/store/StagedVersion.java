package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.validation.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A fully written version that is not yet visible. The portal publishes it inside its database transaction
 * ({@link #publish()} just before commit) so the files and the database row appear together; anything else
 * ({@link #close()} without publish, a crash) leaves no visible trace. A rejected or duplicate import comes back
 * already settled: {@link #result()} says which.
 */
public final class StagedVersion implements AutoCloseable {

    private final DatasetStore store;
    private final Path staging;
    private final VersionManifest manifest;
    private final ValidationReport report;
    private ImportResult settled;

    StagedVersion(DatasetStore store, Path staging, VersionManifest manifest, ValidationReport report,
                  ImportResult settled) {
        this.store = store;
        this.staging = staging;
        this.manifest = manifest;
        this.report = report;
        this.settled = settled;
    }

    /** The result so far: REJECTED or DUPLICATE when settled at staging, else CREATED once published. */
    public Optional<ImportResult> result() {
        return Optional.ofNullable(settled);
    }

    /** The manifest the version will have (present unless rejected). */
    public Optional<VersionManifest> manifest() {
        return Optional.ofNullable(manifest);
    }

    /** The staged data file (only while staged and not settled). */
    Path dataFile() {
        return staging.resolve(dev.burnrate.engine.usage.ingest.ImportSession.DATA_FILE);
    }

    public ValidationReport report() {
        return report;
    }

    /**
     * Makes the version visible by one atomic rename; a concurrent identical import turns this one into a
     * duplicate instead.
     */
    public ImportResult publish() {
        if (settled != null) {
            return settled;
        }
        try {
            settled = store.publish(staging, manifest, report);
            return settled;
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish version " + manifest.versionId(), e);
        }
    }

    /** Deletes the staged files unless they were published. */
    @Override
    public void close() {
        store.discard(staging);
    }
}
