package dev.burnrate.portal.simulation;

import java.time.OffsetDateTime;

/** A saved scenario as the list shows it, with its latest run. */
public record ScenarioSummary(long id, long teamId, String teamName, String name, String kind, String createdBy,
                              OffsetDateTime createdAt, int runs, Long lastRunId, OffsetDateTime lastRunAt,
                              String lastRecommended, Double lastCost, String lastBackends) {
}
