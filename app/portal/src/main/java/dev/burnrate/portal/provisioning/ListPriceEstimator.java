package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import org.springframework.stereotype.Component;

/**
 * List-price arithmetic: price x count x hours. Spot is the one case with uncertainty; without a simulation the
 * expected cost is the spot price and the P90 is bounded by the on-demand price (the job falling back to
 * on-demand capacity entirely), which is what the source line says.
 */
@Component
public class ListPriceEstimator implements CostEstimator {

    @Override
    public Estimate estimate(Offering offering, int count, PurchaseOption option, Double durationHours,
                             boolean checkpointing) {
        Double unit = offering.prices().forOption(option);
        if (unit == null) {
            throw new IllegalArgumentException(offering.instanceType() + " in " + offering.regionId()
                    + " is not sold as " + option);
        }
        double hourly = unit * count;
        double hours = durationHours == null ? Estimate.HOURS_PER_MONTH : durationHours;
        double expected = hourly * hours;
        double p90 = option == PurchaseOption.SPOT ? Math.max(expected, offering.prices().onDemand() * count * hours)
                : expected;
        String source = option == PurchaseOption.SPOT
                ? "list prices; spot P90 bounded by on-demand (no simulation)"
                : "list prices";
        return new Estimate(hourly, expected, p90, hourly * Estimate.HOURS_PER_MONTH, source,
                offering.prices().currency());
    }
}
