package dev.burnrate.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One resource the portal provisioned and still holds, as a {@link Recommender} sees it (since API 1.3.0).
 *
 * @param resourceId     the provider's resource id
 * @param name           the readable name given at request time
 * @param team           the owning team
 * @param project        the project, or {@code null}
 * @param providerId     the cloud provider's id
 * @param regionId       the provider's region id
 * @param instanceType   the provider's instance type (or storage class)
 * @param count          number of instances
 * @param purchaseOption how it is bought
 * @param hourlyCost     what it costs per hour (all instances), in {@code currency}, as estimated when requested
 * @param currency       the ISO 4217 code of {@code hourlyCost}
 * @param state          its state now
 * @param stateSince     when it entered that state
 * @param createdAt      when it was provisioned
 */
public record ResourceFacts(String resourceId, String name, String team, String project, String providerId,
                            String regionId, String instanceType, int count, PurchaseOption purchaseOption,
                            double hourlyCost, String currency, ResourceState state, Instant stateSince,
                            Instant createdAt) {
    public ResourceFacts {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(purchaseOption, "purchaseOption");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateSince, "stateSince");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
