package dev.burnrate.portal.recommendation;

import java.time.Instant;

/**
 * A team's decision about one recommendation: dismissed (hidden from then on) or accepted (listed with the saving
 * expected when it was accepted, and the realised saving once recorded).
 *
 * @param source                 the recommender's plugin id, or {@link RecommendationService#BUILT_IN}
 * @param key                    the recommendation's key within its recommender
 * @param realisedMonthlySaving  the saving measured after acting on it, or {@code null} while not recorded
 */
public record RecommendationDecision(long id, long teamId, String team, String source, String key, Kind kind,
                                     String title, double expectedMonthlySaving, String currency, String decidedBy,
                                     Instant decidedAt, Double realisedMonthlySaving, Instant realisedAt) {

    /** What the team decided. */
    public enum Kind { ACCEPTED, DISMISSED }

    /** Whether this decision is about {@code shown} (same team, recommender and key). */
    public boolean isAbout(ShownRecommendation shown) {
        return team.equals(shown.recommendation().team()) && source.equals(shown.pluginId())
                && key.equals(shown.recommendation().key());
    }
}
