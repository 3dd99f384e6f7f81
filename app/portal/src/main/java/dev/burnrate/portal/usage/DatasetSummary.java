package dev.burnrate.portal.usage;

/**
 * A dataset as the views show it.
 *
 * @param teamTagKey the tag whose value names the team a row belongs to
 * @param latestVersion the newest version's key, or null when it has none
 * @param countsTowardBudgets whether its spend counts toward budgets (a copy of metered usage must not count twice)
 */
public record DatasetSummary(long id, String name, String description, String teamTagKey, int versions,
                             String latestVersion, boolean countsTowardBudgets) {
}
