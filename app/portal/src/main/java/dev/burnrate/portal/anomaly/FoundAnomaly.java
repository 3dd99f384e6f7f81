package dev.burnrate.portal.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A deviation a detection run found, before it is stored.
 *
 * @param seriesLabel the series it was found in, e.g. "ml-research" or "ml-research / Amazon EC2"
 * @param causes      root causes, largest dollar impact first; empty when no child explains it
 */
public record FoundAnomaly(long monitorId, long teamId, String seriesLabel, Instant periodStart, int periodHours,
                           BigDecimal expected, BigDecimal actual, String currency, double score,
                           List<RootCause> causes) {

    public FoundAnomaly {
        causes = List.copyOf(causes);
    }

    /** Identifies the anomaly across detection runs: it is stored once. */
    public String key() {
        return monitorId + "|" + seriesLabel + "|" + periodStart + "|" + periodHours;
    }

    /** The cause feedback is matched on: the top root cause, or the series itself when no child explains it. */
    public String causeKey() {
        return causes.isEmpty() ? "(series)" : causes.getFirst().key();
    }

    public BigDecimal impact() {
        return actual.subtract(expected);
    }

    /** Impact as a percentage of the expected spend; null when nothing was expected. */
    public BigDecimal impactPercent() {
        return expected.signum() <= 0 ? null
                : impact().multiply(BigDecimal.valueOf(100)).divide(expected, 2, RoundingMode.HALF_EVEN);
    }
}
