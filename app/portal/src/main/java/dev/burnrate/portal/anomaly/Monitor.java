package dev.burnrate.portal.anomaly;

import java.math.BigDecimal;

/**
 * Watches one team's spend. A deviation becomes an anomaly only when it is at least {@code minImpact} in money and
 * {@code minImpactPercent} of the expected spend, so small or relatively tiny swings stay quiet.
 */
public record Monitor(long id, long teamId, String team, String name, BigDecimal minImpact,
                      BigDecimal minImpactPercent, boolean enabled) {
}
