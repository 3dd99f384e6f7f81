package dev.burnrate.portal.usage.api;

import dev.burnrate.portal.usage.CurrencyTotals;
import dev.burnrate.portal.usage.VersionSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A dataset version with its lineage and its totals per billing currency (never added across currencies).
 *
 * @param rows         rows the caller may see (team-scoped users: their teams' rows only)
 * @param scopedTotals true when rows and totals cover only the caller's teams
 * @param parents      the versions it was made from
 */
@Schema(name = "DatasetVersion")
public record VersionJson(String id, String dataset, Instant createdAt, String createdBy, String transform,
                          String sourceFileName, String sourceSha256, String contentSha256, String detail, long rows,
                          long quarantinedRows, Instant from, Instant to, List<String> providers, String tier,
                          List<String> parents, boolean scopedTotals, List<Totals> totals) {

    /** A version's costs in one billing currency. */
    @Schema(name = "VersionCurrencyTotals")
    public record Totals(String currency, BigDecimal billedCost, BigDecimal effectiveCost, BigDecimal listCost) {
        static Totals of(CurrencyTotals t) {
            return new Totals(t.currency(), decimal(t.billedCost()), decimal(t.effectiveCost()),
                    decimal(t.listCost()));
        }
    }

    static VersionJson of(VersionSummary v, List<CurrencyTotals> totals) {
        return new VersionJson(v.key(), v.dataset(), v.createdAt(), v.createdBy(), v.transform().name(),
                v.sourceFileName(), v.sourceSha256(), v.contentSha256(), v.detail(), v.rows(), v.quarantinedRows(),
                v.from(), v.to(), v.providers(), v.tier() == null ? null : v.tier().name(), v.parents(),
                v.scopedTotals(), totals.stream().map(Totals::of).toList());
    }

    /** The decimal the stored double stands for (its shortest representation), as exports show it. */
    static BigDecimal decimal(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }
}
