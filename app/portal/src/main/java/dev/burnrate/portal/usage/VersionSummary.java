package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.store.Tier;
import dev.burnrate.engine.usage.store.Transform;

import java.time.Instant;
import java.util.List;

/**
 * A dataset version with its lineage and totals.
 *
 * @param parents        keys of the versions it was made from
 * @param scopedTotals   true when the totals cover only the viewer's teams (not ADMIN or FINANCE)
 * @param quarantinedRows rows a lenient import set aside (downloadable)
 */
public record VersionSummary(String key, String dataset, Instant createdAt, String createdBy, Transform transform,
                             String sourceFileName, String sourceSha256, String detail, String contentSha256,
                             long rows, double billedCost, double effectiveCost, double listCost, Instant from,
                             Instant to, List<String> providers, Tier tier, long quarantinedRows, List<String> parents,
                             boolean scopedTotals) {

    public VersionSummary {
        providers = List.copyOf(providers);
        parents = List.copyOf(parents);
    }

    /** A short label: creation time and transform. */
    public String label() {
        return key + " (" + transform.name().toLowerCase() + ")";
    }
}
