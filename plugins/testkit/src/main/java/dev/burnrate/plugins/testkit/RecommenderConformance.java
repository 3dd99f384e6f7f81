package dev.burnrate.plugins.testkit;

import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionSuggestion;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.ResourceFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link dev.burnrate.api.Recommender}'s answer to one input the way the portal shows it (since API 1.3.0):
 * unique keys, a team that was in the input (the portal drops others), a title and evidence, and a suggested
 * request naming an offering that exists.
 */
public final class RecommenderConformance {

    private RecommenderConformance() {
    }

    public static List<Violation> check(RecommendationInput input, List<Recommendation> recommendations) {
        List<Violation> violations = new ArrayList<>();
        if (recommendations == null) {
            violations.add(new Violation("recommender", "not-null", "recommend() returned null; return an empty list"));
            return violations;
        }
        Set<String> teams = new HashSet<>();
        input.resources().stream().map(ResourceFacts::team).forEach(teams::add);
        Set<String> keys = new HashSet<>();
        for (Recommendation r : recommendations) {
            if (r == null) {
                violations.add(new Violation("recommender", "not-null", "a null recommendation"));
                continue;
            }
            String subject = "recommendation " + r.key();
            if (Checks.isBlank(r.key()) || !keys.add(r.key())) {
                violations.add(new Violation(subject, "unique-key", "keys must be non-blank and unique"));
            }
            if (!teams.contains(r.team())) {
                violations.add(new Violation(subject, "known-team", "team '" + r.team() + "' had no resources in "
                        + "the input; the portal would drop it"));
            }
            if (Checks.isBlank(r.title())) {
                violations.add(new Violation(subject, "title", "title must not be blank"));
            }
            if (r.evidence().isEmpty() || r.evidence().stream().anyMatch(Checks::isBlank)) {
                violations.add(new Violation(subject, "evidence", "give at least one fact, none blank"));
            }
            ProvisionSuggestion s = r.suggestedAction();
            if (s != null && input.offerings().stream().noneMatch(o -> matches(o, s))) {
                violations.add(new Violation(subject, "suggested-offering", "suggests " + s.providerId() + "/"
                        + s.regionId() + "/" + s.instanceType() + ", which is not among the input's offerings"));
            }
        }
        return violations;
    }

    private static boolean matches(Offering o, ProvisionSuggestion s) {
        return o.providerId().equals(s.providerId()) && o.regionId().equals(s.regionId())
                && o.instanceType().equals(s.instanceType());
    }
}
