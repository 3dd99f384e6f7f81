package dev.burnrate.portal.provisioning;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import java.time.Instant;
import java.util.Map;

/**
 * A provisioned resource in the inventory.
 *
 * @param currency   the currency of {@code hourlyCost}: its request's estimate currency
 * @param costToDate what was metered so far, per billing currency (never added across currencies)
 */
public record StoredResource(String id, String requestId, long teamId, String team, String project, String owner,
                             String name, String providerId, String regionId, String instanceType, int count,
                             PurchaseOption purchaseOption, double hourlyCost, String currency, ResourceState state,
                             Instant stateSince, String stateMessage, Instant meteredUntil,
                             Map<String, Double> costToDate, Instant createdAt) {

    public StoredResource {
        costToDate = Map.copyOf(costToDate);
    }
}
