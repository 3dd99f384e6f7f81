package dev.burnrate.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the portal gives a {@link Recommender} (since API 1.3.0): the resources it holds for the teams the asking
 * user may see, and the offerings of the providers and regions those resources run in (to price alternatives).
 *
 * @param now       the portal's time of the question
 * @param resources live resources (requested, provisioning, running or stopped), each with its team
 * @param offerings the installed providers' offerings in the regions of {@code resources}
 */
public record RecommendationInput(Instant now, List<ResourceFacts> resources, List<Offering> offerings) {
    public RecommendationInput {
        Objects.requireNonNull(now, "now");
        resources = List.copyOf(resources == null ? List.of() : resources);
        offerings = List.copyOf(offerings == null ? List.of() : offerings);
    }

    /** The offering a resource runs on, when the input holds it. */
    public java.util.Optional<Offering> offeringOf(ResourceFacts resource) {
        return offerings.stream().filter(o -> o.providerId().equals(resource.providerId())
                && o.regionId().equals(resource.regionId()) && o.instanceType().equals(resource.instanceType()))
                .findFirst();
    }
}
