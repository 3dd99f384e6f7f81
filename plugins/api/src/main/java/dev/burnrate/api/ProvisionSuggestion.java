package dev.burnrate.api;

import java.util.Objects;

/**
 * The request a {@link Recommendation} suggests (since API 1.3.0). The portal never provisions it directly: it opens
 * the ordinary Provision page prefilled with these values, and the request then goes through the estimate, the
 * policies and any approval like every other.
 *
 * @param providerId     the provider's id
 * @param regionId       the provider's region id
 * @param instanceType   the provider's instance type
 * @param count          number of instances (at least 1)
 * @param purchaseOption how to buy it
 */
public record ProvisionSuggestion(String providerId, String regionId, String instanceType, int count,
                                  PurchaseOption purchaseOption) {
    public ProvisionSuggestion {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(purchaseOption, "purchaseOption");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }
}
