package dev.burnrate.portal.usagesource;

import java.time.Instant;
import java.util.Optional;

/**
 * A usage source as the admin page lists it: found among the plugins and/or configured, with its last run and when
 * the schedule runs it next (empty when it is not configured, disabled or not available).
 */
public record UsageSourceSummary(String sourceId, String pluginId, String displayName, boolean available,
                                 Optional<UsageSourceConfig> config, Optional<UsageSourceRun> lastRun,
                                 Optional<Instant> nextRun) {
}
