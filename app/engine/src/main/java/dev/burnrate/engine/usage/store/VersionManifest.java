package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.json.UsageJson;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The immutable facts of one dataset version, written next to its data as {@code manifest.json} before the
 * version is published. The tier is not part of it: it is where the data file lies, and may change.
 *
 * @param contentSha256 SHA-256 of the hot (uncompressed) Arrow IPC file: equal content gives equal hashes,
 *                      which is how a re-import is detected; moving tiers keeps it
 * @param from          earliest ChargePeriodStart (null when empty)
 * @param to            latest ChargePeriodEnd (null when empty)
 */
public record VersionManifest(String datasetId, String versionId, Instant createdAt, String contentSha256,
                              long rowCount, Totals totals, Instant from, Instant to, List<String> providers,
                              List<String> columns, long quarantinedRows, Lineage lineage) {

    public VersionManifest {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(versionId, "versionId");
        providers = List.copyOf(providers);
        columns = List.copyOf(columns);
    }

    /** The manifest as written to {@code manifest.json}. */
    public String toJson() {
        return UsageJson.write(ManifestDocument.of(this));
    }

    /**
     * Reads a {@code manifest.json}, including those written before the engine used Jackson (same format).
     *
     * @throws IllegalArgumentException naming the field and position when the text is not a manifest
     */
    public static VersionManifest fromJson(String json) {
        return UsageJson.read(json, ManifestDocument.class).toManifest();
    }
}
