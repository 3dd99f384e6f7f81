package dev.burnrate.portal.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What drove a line's spend: the largest changes against the previous period per dimension, resources that
 * appeared or disappeared, anomalies detected in the period and spend committed through Burnrate's own requests.
 * Amounts are exact and in the line's currency and cost column.
 */
public record Drilldown(String lineKey, String lineLabel, String currency, ReviewPeriod period,
                        ReviewPeriod previous, List<Mover> movers, List<Mover> newResources,
                        List<Mover> removedResources, List<PeriodAnomaly> anomalies,
                        List<CommittedRequest> committed, String note) {

    /** One value of a dimension (e.g. a service) and its spend in the previous and this period. */
    public record Mover(String dimension, String value, BigDecimal previous, BigDecimal current) {

        public BigDecimal change() {
            return current.subtract(previous);
        }
    }

    /** An anomaly detected in the period (see the Anomalies page). */
    public record PeriodAnomaly(long id, String series, Instant start, BigDecimal expected, BigDecimal actual,
                                String currency, String status) {
    }

    /** A request approved through Burnrate in the period, with its planned cost. */
    public record CommittedRequest(String id, String name, String team, String state, BigDecimal plannedCost,
                                   String currency, String requestedBy, Instant createdAt) {
    }
}
