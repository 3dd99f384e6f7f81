package dev.burnrate.engine.usage.store;

import dev.burnrate.engine.usage.json.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("datasetId", datasetId);
        m.put("versionId", versionId);
        m.put("createdAt", createdAt.toString());
        m.put("contentSha256", contentSha256);
        m.put("rowCount", rowCount);
        m.put("totals", List.of(totals.billedCost(), totals.effectiveCost(), totals.listCost(),
                totals.contractedCost(), totals.consumedQuantity()));
        m.put("from", from == null ? null : from.toString());
        m.put("to", to == null ? null : to.toString());
        m.put("providers", providers);
        m.put("columns", columns);
        m.put("quarantinedRows", quarantinedRows);
        m.put("lineage", lineage.toJson());
        return Json.write(m);
    }

    @SuppressWarnings("unchecked")
    public static VersionManifest fromJson(String json) {
        Map<String, Object> m = Json.parseObject(json);
        List<Object> t = (List<Object>) m.get("totals");
        Totals totals = new Totals(d(t.get(0)), d(t.get(1)), d(t.get(2)), d(t.get(3)), d(t.get(4)));
        return new VersionManifest((String) m.get("datasetId"), (String) m.get("versionId"),
                Instant.parse((String) m.get("createdAt")), (String) m.get("contentSha256"),
                ((BigDecimal) m.get("rowCount")).longValueExact(), totals, instant(m.get("from")),
                instant(m.get("to")), strings(m.get("providers")), strings(m.get("columns")),
                ((BigDecimal) m.get("quarantinedRows")).longValueExact(),
                Lineage.fromJson((Map<String, Object>) m.get("lineage")));
    }

    private static double d(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse((String) o);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return ((List<Object>) o).stream().map(String::valueOf).toList();
    }
}
