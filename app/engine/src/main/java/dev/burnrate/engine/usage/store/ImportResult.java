package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.validation.ValidationReport;

import java.util.Optional;

/**
 * The outcome of an import or transform.
 *
 * @param version the new version (CREATED), the existing identical one (DUPLICATE), or empty (REJECTED)
 * @param report  everything validation found, in every case
 */
public record ImportResult(Status status, Optional<VersionManifest> version, ValidationReport report) {

    public enum Status {
        /** A new version was published. */
        CREATED,
        /** The content equals an existing version of the dataset; nothing new was stored. */
        DUPLICATE,
        /** The file was rejected; nothing was stored. */
        REJECTED
    }
}
