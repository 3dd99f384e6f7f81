package dev.burnrate.engine.usage.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where a version came from, kept as a plain record for the database (phase 2) and in the version's manifest
 * (written by Jackson as an object with these component names).
 *
 * @param transform      how it was made
 * @param sourceFileName the imported file's name (import and append), else null
 * @param sourceSha256   SHA-256 of the imported file's bytes, else null
 * @param sourceFormat   csv, arrow-file, arrow-stream, parquet, rows; null for filter and merge
 * @param parents        the versions it was made from, oldest first (empty for an import)
 * @param actor          who ran it (a user name, or {@code system})
 * @param at             when
 * @param detail         what a filter kept, or other free text; may be empty
 */
public record Lineage(Transform transform, String sourceFileName, String sourceSha256, String sourceFormat,
                      List<String> parents, String actor, Instant at, String detail) {

    public Lineage {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        parents = List.copyOf(parents);
        detail = detail == null ? "" : detail;
    }
}
