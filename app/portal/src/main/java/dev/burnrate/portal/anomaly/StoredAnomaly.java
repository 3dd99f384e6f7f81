package dev.burnrate.portal.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** An anomaly as the /anomalies page shows it. */
public record StoredAnomaly(long id, String team, String monitor, String seriesLabel, Instant periodStart,
                            int periodHours, BigDecimal expected, BigDecimal actual, String currency, double score,
                            List<RootCause> causes, AnomalyStatus status, String statusBy, Instant statusAt,
                            String statusNote, boolean fromFeedback, Instant detectedAt) {

    public StoredAnomaly {
        causes = List.copyOf(causes);
    }

    public BigDecimal impact() {
        return actual.subtract(expected);
    }

    /** Impact as a percentage of the expected spend; null when nothing was expected. */
    public BigDecimal impactPercent() {
        return expected.signum() <= 0 ? null
                : impact().multiply(BigDecimal.valueOf(100)).divide(expected, 1, RoundingMode.HALF_EVEN);
    }
}
