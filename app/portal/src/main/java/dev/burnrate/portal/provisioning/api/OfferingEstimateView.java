package dev.burnrate.portal.provisioning.api;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.provisioning.Estimate;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One offering's estimate for a job. Totals are for the planned hours (an open-ended service: one 730-hour month).
 *
 * @param accelerator the accelerator as the hardware catalog names it (null for a CPU offering)
 * @param hourly      all instances together, per hour
 * @param source      where the figures come from (the simulation and its parameters, or list prices)
 */
@Schema(description = "A job's estimated cost on one offering", requiredProperties = {"provider", "region",
        "instanceType", "acceleratorsPerInstance", "instances", "purchaseOption", "currency", "hourly", "expected",
        "p50", "p90", "source"})
public record OfferingEstimateView(String provider, String region, String instanceType, String accelerator,
                                   int acceleratorsPerInstance, int instances, PurchaseOption purchaseOption,
                                   String currency, BigDecimal hourly, BigDecimal expected, BigDecimal p50,
                                   BigDecimal p90, String source) {

    static OfferingEstimateView of(CatalogOffering o, int instances, PurchaseOption option, Estimate e) {
        return new OfferingEstimateView(o.providerId(), o.offering().regionId(), o.offering().instanceType(),
                o.offering().hasAccelerator() ? o.acceleratorLabel() : null, o.offering().acceleratorCount(),
                instances, option, e.currency(), Amounts.hourly(e.hourlyCost()), Amounts.total(e.expectedTotal()),
                Amounts.total(e.p50Total()), Amounts.total(e.p90Total()), e.source());
    }
}
