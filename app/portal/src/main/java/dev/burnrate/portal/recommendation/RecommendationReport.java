package dev.burnrate.portal.recommendation;

import java.util.List;

/**
 * What the recommenders said for the teams a user may see, per team and largest median saving first, and what went
 * wrong on the way (a recommender that failed or timed out, recommendations dropped for teams the user may not see),
 * and the recommendations those teams accepted (dismissed and accepted ones are not among {@code recommendations}).
 */
public record RecommendationReport(List<ShownRecommendation> recommendations, List<String> problems,
                                   List<RecommendationDecision> accepted) {
    public RecommendationReport {
        recommendations = List.copyOf(recommendations);
        problems = List.copyOf(problems);
        accepted = List.copyOf(accepted);
    }
}
