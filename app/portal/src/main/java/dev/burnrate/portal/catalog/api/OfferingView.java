package dev.burnrate.portal.catalog.api;

import dev.burnrate.api.Prices;
import dev.burnrate.portal.plugin.CatalogOffering;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * An offering as the catalog lists it: list prices per instance-hour in {@code currency} (null where the provider
 * does not sell the option).
 *
 * @param accelerator              as the hardware catalog names it where a spec matched, else as the provider does
 * @param spotInterruptionsPerHour the provider's published rate, or null
 */
@Schema(description = "A catalog offering with its list prices", requiredProperties = {"provider", "providerName",
        "region", "instanceType", "acceleratorsPerInstance", "vcpus", "memoryGib", "currency", "onDemand",
        "jurisdiction"})
public record OfferingView(String provider, String providerName, String region, String regionName,
                           String instanceType, String accelerator, int acceleratorsPerInstance, double vcpus,
                           double memoryGib, String currency, BigDecimal onDemand, BigDecimal spot,
                           BigDecimal committed1y, BigDecimal committed3y, Double spotInterruptionsPerHour,
                           String jurisdiction) {

    static OfferingView of(CatalogOffering c) {
        var o = c.offering();
        Prices p = o.prices();
        return new OfferingView(c.providerId(), c.providerName(), o.regionId(), c.regionName(), o.instanceType(),
                o.hasAccelerator() ? c.acceleratorLabel() : null, o.acceleratorCount(), o.vcpus(), o.memoryGib(),
                p.currency(), price(p.onDemand()), price(p.spot()), price(p.committed1y()), price(p.committed3y()),
                o.spotInterruptionsPerHour(), c.jurisdiction());
    }

    /** The catalog's price as published (no rounding: a list price is exact as given). */
    private static BigDecimal price(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
