package dev.burnrate.engine.usage.store;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} as it lies on disk, for Jackson. The components' names and order are the file's keys and
 * their order; totals are an array of five numbers (billed, effective, list, contracted cost, consumed quantity).
 * Kept apart from {@link VersionManifest} so the format is fixed here and reading can say which field is missing.
 */
record ManifestDocument(String datasetId, String versionId, Instant createdAt, String contentSha256, long rowCount,
                        double[] totals, Instant from, Instant to, List<String> providers, List<String> columns,
                        long quarantinedRows, LineageDocument lineage) {

    static ManifestDocument of(VersionManifest m) {
        Totals t = m.totals();
        Lineage l = m.lineage();
        return new ManifestDocument(m.datasetId(), m.versionId(), m.createdAt(), m.contentSha256(), m.rowCount(),
                new double[] {t.billedCost(), t.effectiveCost(), t.listCost(), t.contractedCost(),
                        t.consumedQuantity()},
                m.from(), m.to(), m.providers(), m.columns(), m.quarantinedRows(),
                new LineageDocument(l.transform(), l.sourceFileName(), l.sourceSha256(), l.sourceFormat(),
                        l.parents(), l.actor(), l.at(), l.detail()));
    }

    VersionManifest toManifest() {
        double[] t = required(totals, "totals");
        if (t.length != 5) {
            throw new IllegalArgumentException("field 'totals': expected 5 numbers but found " + t.length);
        }
        return new VersionManifest(required(datasetId, "datasetId"), required(versionId, "versionId"),
                required(createdAt, "createdAt"), contentSha256, rowCount, new Totals(t[0], t[1], t[2], t[3], t[4]),
                from, to, required(providers, "providers"), required(columns, "columns"), quarantinedRows,
                required(lineage, "lineage").toLineage());
    }

    record LineageDocument(Transform transform, String sourceFileName, String sourceSha256, String sourceFormat,
                           List<String> parents, String actor, Instant at, String detail) {

        Lineage toLineage() {
            return new Lineage(required(transform, "lineage.transform"), sourceFileName, sourceSha256, sourceFormat,
                    required(parents, "lineage.parents"), required(actor, "lineage.actor"),
                    required(at, "lineage.at"), detail);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }
}
