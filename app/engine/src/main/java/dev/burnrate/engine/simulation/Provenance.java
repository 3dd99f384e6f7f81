package dev.burnrate.engine.simulation;

import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Prices;

import java.util.Locale;

/** Where a comparison row's figures come from: the catalog row and price used, and the hardware spec. */
final class Provenance {

    private Provenance() {
    }

    /**
     * e.g. {@code "Catalog: aws us-east-1 p5.48xlarge, spot $35.00/h per instance (the catalog's spot price;
     * on-demand $98.32/h). Hardware: H100 (NVIDIA): 80 GB, ..."}.
     */
    static String of(Offering offering, PurchaseOption option, InstanceCompute compute) {
        Prices prices = offering.prices();
        Double price = prices.forOption(option);
        String kind = switch (option) {
            case ON_DEMAND -> "the catalog's on-demand price";
            case SPOT -> "the catalog's spot price; on-demand " + usd(prices.onDemand());
            case COMMITTED_1Y, COMMITTED_3Y -> (prices.committedSource() == null
                    || prices.committedSource().equals("catalog") ? "the catalog's committed price"
                    : "derived: " + prices.committedSource()) + "; on-demand " + usd(prices.onDemand());
        };
        return String.format(Locale.ROOT, "Catalog: %s %s %s, %s %s per instance (%s). Hardware: %s",
                offering.providerId(), offering.regionId(), offering.instanceType(), ComparisonRow.optionName(option),
                price == null ? "not sold" : usd(price), kind, compute.source());
    }

    private static String usd(double hourly) {
        return String.format(Locale.ROOT, "$%,.4f/h", hourly);
    }
}
