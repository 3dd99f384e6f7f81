package dev.burnrate.api;

import java.util.List;

/**
 * Contributes recommendations to the portal's Recommendations page (since API 1.3.0): ways for teams to spend less,
 * each with its evidence, the estimated monthly saving (median and range) and the risk of acting on it. The portal
 * asks when a user opens the page, with only the data of the teams that user may see. A recommendation may suggest a
 * new request ({@link ProvisionSuggestion}); the portal opens it in the ordinary Provision page, so it is estimated,
 * checked against the policies and approved like any other. Implementations must be thread-safe and quick.
 */
public interface Recommender extends BurnrateExtension {

    /** The recommendations for the input's resources; empty when there is nothing to suggest. */
    List<Recommendation> recommend(RecommendationInput input);
}
