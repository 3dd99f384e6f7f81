package dev.burnrate.portal.usagesource;

import java.time.Duration;
import java.time.Instant;

/**
 * How an administrator set up one usage source: the dataset its rows go to, how often it runs, and whether the
 * schedule runs it at all ("Run now" works either way).
 */
public record UsageSourceConfig(String sourceId, String pluginId, String dataset, int intervalMinutes,
                                boolean enabled, String updatedBy, Instant updatedAt) {

    public Duration interval() {
        return Duration.ofMinutes(intervalMinutes);
    }
}
