package dev.burnrate.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One FOCUS-shaped usage row (a subset of FOCUS 1.2 columns, named as in the specification), as a provider meters
 * what runs. Costs are in {@code billingCurrency}.
 */
public record UsageRecord(
        String billingAccountId,
        String subAccountId,
        Instant chargePeriodStart,
        Instant chargePeriodEnd,
        String chargeCategory,
        String chargeDescription,
        String pricingCategory,
        double billedCost,
        double effectiveCost,
        double listCost,
        double contractedCost,
        String billingCurrency,
        double consumedQuantity,
        String consumedUnit,
        double pricingQuantity,
        String pricingUnit,
        String providerName,
        String serviceName,
        String serviceCategory,
        String regionId,
        String resourceId,
        String resourceName,
        String resourceType,
        String skuId,
        Map<String, String> tags) {

    public UsageRecord {
        Objects.requireNonNull(chargePeriodStart, "chargePeriodStart");
        Objects.requireNonNull(chargePeriodEnd, "chargePeriodEnd");
        if (!chargePeriodStart.isBefore(chargePeriodEnd)) {
            throw new IllegalArgumentException("chargePeriodStart must be before chargePeriodEnd");
        }
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }
}
