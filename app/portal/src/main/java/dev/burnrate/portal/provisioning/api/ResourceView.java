package dev.burnrate.portal.provisioning.api;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.provisioning.StoredResource;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provisioned resource in the inventory.
 *
 * @param costToDate what was metered so far, one entry per billing currency (never added across currencies)
 */
@Schema(description = "A provisioned resource", requiredProperties = {"id", "requestId", "team", "owner", "name",
        "provider", "region", "instanceType", "instances", "purchaseOption", "currency", "hourly", "state",
        "stateSince", "costToDate", "createdAt"})
public record ResourceView(String id, String requestId, String team, String project, String owner, String name,
                           String provider, String region, String instanceType, int instances,
                           PurchaseOption purchaseOption, String currency, BigDecimal hourly, String state,
                           Instant stateSince, String stateMessage, List<Money> costToDate, Instant createdAt) {

    @Schema(requiredProperties = {"amount", "currency"})
    public record Money(BigDecimal amount, String currency) {
    }

    static ResourceView of(StoredResource r) {
        return new ResourceView(r.id(), r.requestId(), r.team(), r.project(), r.owner(), r.name(), r.providerId(),
                r.regionId(), r.instanceType(), r.count(), r.purchaseOption(), r.currency(),
                Amounts.hourly(r.hourlyCost()), r.state().name(), r.stateSince(), r.stateMessage(),
                r.costToDate().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Money(Amounts.total(e.getValue()), e.getKey())).toList(),
                r.createdAt());
    }
}
