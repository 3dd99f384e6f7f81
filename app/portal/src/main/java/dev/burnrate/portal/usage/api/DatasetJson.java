package dev.burnrate.portal.usage.api;

import dev.burnrate.portal.usage.DatasetSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A usage dataset.
 *
 * @param teamTagKey          the tag whose value names the team a row belongs to
 * @param latestVersion       the newest version's id, null when it has none
 * @param countsTowardBudgets whether its spend counts toward budgets
 */
@Schema(name = "Dataset")
public record DatasetJson(String name, String description, String teamTagKey, int versions, String latestVersion,
                          boolean countsTowardBudgets) {

    static DatasetJson of(DatasetSummary d) {
        return new DatasetJson(d.name(), d.description(), d.teamTagKey(), d.versions(), d.latestVersion(),
                d.countsTowardBudgets());
    }
}
