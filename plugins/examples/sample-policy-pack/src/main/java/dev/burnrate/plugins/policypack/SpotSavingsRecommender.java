package dev.burnrate.plugins.policypack;

import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionSuggestion;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.Recommender;
import dev.burnrate.api.ResourceFacts;
import dev.burnrate.api.ResourceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Recommends running on spot what runs on demand where the provider sells the same instance type on spot for less.
 * The saving is the price difference for a month of running; the range allows for the work redone after spot
 * interruptions: 10% redone for the median, 30% for the low end, none for the high end. Medium risk: spot capacity
 * is reclaimed at short notice, so the workload must checkpoint.
 */
@Extension
public class SpotSavingsRecommender implements Recommender {
    static final double HOURS_PER_MONTH = 730;
    /** Below this share saved, switching is not worth the interruptions. */
    static final double MIN_SHARE_SAVED = 0.2;

    @Override
    public String id() {
        return "spot-savings";
    }

    @Override
    public String displayName() {
        return "Spot savings";
    }

    @Override
    public List<Recommendation> recommend(RecommendationInput input) {
        List<Recommendation> result = new ArrayList<>();
        for (ResourceFacts resource : input.resources()) {
            if (resource.state() != ResourceState.RUNNING || resource.purchaseOption() != PurchaseOption.ON_DEMAND) {
                continue;
            }
            input.offeringOf(resource).ifPresent(offering -> recommend(input, resource, offering)
                    .ifPresent(result::add));
        }
        return result;
    }

    private static java.util.Optional<Recommendation> recommend(RecommendationInput input, ResourceFacts resource,
                                                                Offering offering) {
        Double spot = offering.prices().spot();
        double onDemand = offering.prices().onDemand();
        if (spot == null || onDemand <= 0 || (onDemand - spot) / onDemand < MIN_SHARE_SAVED) {
            return java.util.Optional.empty();
        }
        double monthly = (onDemand - spot) * resource.count() * HOURS_PER_MONTH;
        String currency = offering.prices().currency();
        Duration running = Duration.between(resource.stateSince(), input.now());
        List<String> evidence = List.of(
                resource.name() + " runs " + resource.count() + " × " + offering.instanceType() + " on demand at "
                        + money(onDemand, currency) + " per instance-hour.",
                "The spot price in " + offering.regionId() + " is " + money(spot, currency) + " ("
                        + Math.round(100 * (onDemand - spot) / onDemand) + "% less).",
                "Running for " + running.toDays() + " days " + running.toHoursPart() + " hours.",
                "Spot capacity can be reclaimed at short notice: the workload must checkpoint.");
        return java.util.Optional.of(new Recommendation("spot:" + resource.resourceId(), resource.team(),
                "Run " + resource.name() + " on spot", evidence, round(monthly * 0.9), round(monthly * 0.7),
                round(monthly), currency, Recommendation.Risk.MEDIUM,
                new ProvisionSuggestion(offering.providerId(), offering.regionId(), offering.instanceType(),
                        resource.count(), PurchaseOption.SPOT)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
    }
}
