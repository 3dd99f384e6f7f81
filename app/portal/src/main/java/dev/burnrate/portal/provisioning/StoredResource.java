package dev.burnrate.portal.provisioning;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.ResourceState;
import java.time.Instant;

/** A provisioned resource in the inventory. */
public record StoredResource(String id, String requestId, long teamId, String team, String project, String owner,
                             String name, String providerId, String regionId, String instanceType, int count,
                             PurchaseOption purchaseOption, double hourlyCost, ResourceState state,
                             Instant stateSince, String stateMessage, Instant meteredUntil, double costToDate,
                             Instant createdAt) {
}
