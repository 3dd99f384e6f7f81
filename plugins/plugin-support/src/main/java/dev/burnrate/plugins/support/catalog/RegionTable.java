package dev.burnrate.plugins.support.catalog;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Region;
import dev.burnrate.plugins.support.csv.CsvRow;
import dev.burnrate.plugins.support.csv.CsvTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's regions from a CSV resource with the columns {@code id, name, country, jurisdiction, gdpr_adequate,
 * hipaa_eligible, encryption_at_rest, encryption_in_transit, private_networking}. Facts live in data, next to the
 * catalog, where a reviewer can check them against the provider's public lists.
 */
public final class RegionTable {
    private RegionTable() {
    }

    public static Map<String, Region> read(CsvTable table) {
        table.requireColumns("id", "name", "country", "jurisdiction", "gdpr_adequate", "hipaa_eligible",
                "encryption_at_rest", "encryption_in_transit", "private_networking");
        Map<String, Region> regions = new LinkedHashMap<>();
        for (CsvRow row : table.rows()) {
            ComplianceFacts facts = new ComplianceFacts(row.bool("gdpr_adequate"), row.bool("hipaa_eligible"),
                    row.bool("encryption_at_rest"), row.bool("encryption_in_transit"), row.bool("private_networking"));
            Region region = new Region(row.requiredText("id"), row.requiredText("name"), row.requiredText("country"),
                    row.requiredText("jurisdiction"), facts);
            if (regions.putIfAbsent(region.id(), region) != null) {
                throw row.error("id", "repeats region '" + region.id() + "'");
            }
        }
        return Map.copyOf(regions);
    }
}
