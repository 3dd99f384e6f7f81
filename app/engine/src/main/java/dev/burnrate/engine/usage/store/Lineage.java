package dev.burnrate.engine.usage.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a version came from, kept as a plain record for the database (phase 2) and in the version's manifest.
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

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transform", transform.name());
        m.put("sourceFileName", sourceFileName);
        m.put("sourceSha256", sourceSha256);
        m.put("sourceFormat", sourceFormat);
        m.put("parents", parents);
        m.put("actor", actor);
        m.put("at", at.toString());
        m.put("detail", detail);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Lineage fromJson(Map<String, Object> m) {
        return new Lineage(Transform.valueOf((String) m.get("transform")), (String) m.get("sourceFileName"),
                (String) m.get("sourceSha256"), (String) m.get("sourceFormat"),
                ((List<Object>) m.get("parents")).stream().map(String::valueOf).toList(),
                (String) m.get("actor"), Instant.parse((String) m.get("at")), (String) m.get("detail"));
    }
}
