package dev.burnrate.portal.simulation;

import java.time.OffsetDateTime;

/** One run of a saved scenario. */
public record RunSummary(long id, long scenarioId, String scenarioName, OffsetDateTime ranAt, String ranBy,
                         String backends, String recommended, Double recommendedCost) {
}
