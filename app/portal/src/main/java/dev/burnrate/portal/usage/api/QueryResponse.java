package dev.burnrate.portal.usage.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link QueryRequest}: one row per group (and time bucket), each in one billing currency; amounts
 * in different currencies are never added, so the totals are one per currency.
 *
 * @param rowsMatched usage rows that passed the filters and the caller's team scope
 * @param currencies  the total of the metric per billing currency (null currency for a quantity)
 */
@Schema(name = "UsageQueryResult")
public record QueryResponse(String dataset, String version, List<String> groupBy, String bucket, String metric,
                            long rowsScanned, long rowsMatched, List<Row> rows, List<Total> currencies) {

    /**
     * @param keys     the group's value per group-by entry (null where the row has none; "Other" for the rest of a
     *                 top-N)
     * @param bucket   start of the time bucket, null without bucketing
     * @param currency the billing currency of the value, null for a quantity
     */
    @Schema(name = "UsageQueryRow")
    public record Row(Map<String, String> keys, Instant bucket, BigDecimal value, String currency) {
    }

    @Schema(name = "UsageQueryTotal")
    public record Total(String currency, BigDecimal value) {
    }
}
