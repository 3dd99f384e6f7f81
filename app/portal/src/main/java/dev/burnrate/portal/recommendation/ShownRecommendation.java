package dev.burnrate.portal.recommendation;

import dev.burnrate.api.Recommendation;

/**
 * A recommendation as the Recommendations page shows it, with the recommender that made it.
 *
 * @param pluginId    the plugin of the recommender
 * @param recommender the recommender's display name
 * @param provisionLink the Provision page's location prefilled with the suggested request, or {@code null}
 */
public record ShownRecommendation(String pluginId, String recommender, Recommendation recommendation,
                                  String provisionLink) {
}
