package dev.burnrate.api;

import java.util.Map;
import java.util.Objects;

/**
 * A request to create capacity, already approved by the portal's policy engine.
 *
 * @param requestId      the portal's id for the request; the idempotency key
 * @param offering       what to create
 * @param count          how many instances
 * @param purchaseOption how to buy it
 * @param name           a readable resource name
 * @param tags           tags to put on the resource (cost-center, owner, team, ...)
 * @param encrypted      encrypt volumes at rest and traffic in transit
 * @param privateNetwork no public IPs
 */
public record ProvisionRequest(String requestId, Offering offering, int count, PurchaseOption purchaseOption,
                               String name, Map<String, String> tags, boolean encrypted, boolean privateNetwork) {
    public ProvisionRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(offering, "offering");
        Objects.requireNonNull(purchaseOption, "purchaseOption");
        Objects.requireNonNull(name, "name");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }
}
