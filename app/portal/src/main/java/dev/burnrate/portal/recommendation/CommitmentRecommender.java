package dev.burnrate.portal.recommendation;

import dev.burnrate.api.Offering;
import dev.burnrate.api.ProvisionSuggestion;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Recommendation;
import dev.burnrate.api.RecommendationInput;
import dev.burnrate.api.Recommender;
import dev.burnrate.api.ResourceFacts;
import dev.burnrate.api.ResourceState;
import dev.burnrate.portal.budget.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Built in: one-year commitments (reserved instances, savings plans, committed-use discounts) for on-demand capacity
 * that has run without a stop for at least {@link #STEADY_FOR}, per team, provider, region and instance type. Only
 * that steady base is suggested (capacity started later may go away again), priced at the catalog's one-year price.
 * The evidence gives the break-even (the share of hours the committed instances must be used to beat on demand), the
 * coverage of the team's on-demand instances of that type and the utilisation; the low end of the saving is what is
 * left if a quarter of the base stops.
 */
@Component
@Order(20)
public class CommitmentRecommender implements Recommender {

    static final double HOURS_PER_MONTH = 730;
    static final Duration STEADY_FOR = Duration.ofDays(30);
    /** The low end of the saving: usage of the committed base falls by this share. */
    static final double USAGE_FALL = 0.25;

    @Override
    public String id() {
        return "commitments";
    }

    @Override
    public String displayName() {
        return "Commitments";
    }

    @Override
    public List<Recommendation> recommend(RecommendationInput input) {
        Map<String, List<ResourceFacts>> groups = new TreeMap<>();
        for (ResourceFacts r : input.resources()) {
            if (r.state() == ResourceState.RUNNING && r.purchaseOption() == PurchaseOption.ON_DEMAND) {
                groups.computeIfAbsent(String.join("|", r.team(), r.providerId(), r.regionId(), r.instanceType()),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<Recommendation> advice = new ArrayList<>();
        groups.values().forEach(group -> commitment(input, group).ifPresent(advice::add));
        return advice;
    }

    private static Optional<Recommendation> commitment(RecommendationInput input, List<ResourceFacts> group) {
        ResourceFacts first = group.getFirst();
        Optional<Offering> offering = input.offeringOf(first);
        if (offering.isEmpty() || offering.get().prices().committed1y() == null) {
            return Optional.empty();
        }
        double onDemand = offering.get().prices().onDemand();
        double committed = offering.get().prices().committed1y();
        String currency = offering.get().prices().currency();
        int running = group.stream().mapToInt(ResourceFacts::count).sum();
        int steady = group.stream().filter(r -> !r.stateSince().isAfter(input.now().minus(STEADY_FOR)))
                .mapToInt(ResourceFacts::count).sum();
        if (steady == 0 || committed >= onDemand || !currency.equals(first.currency())) {
            return Optional.empty();
        }
        double p50 = steady * (onDemand - committed) * HOURS_PER_MONTH;
        double low = Math.max(0, steady * ((1 - USAGE_FALL) * onDemand - committed) * HOURS_PER_MONTH);
        double breakEven = committed / onDemand;
        String type = first.instanceType();
        String where = first.providerId() + " " + first.regionId();
        return Optional.of(new Recommendation("commit-1y:" + first.providerId() + "/" + first.regionId() + "/" + type,
                first.team(), "Commit to " + steady + " × " + type + " for a year in " + where, List.of(
                steady + " of the team's " + running + " on-demand " + type + " instances in " + where
                        + " have run without a stop for at least " + STEADY_FOR.toDays() + " days.",
                "One year committed costs " + Money.of(committed, currency) + " per instance-hour instead of "
                        + Money.of(onDemand, currency) + " on demand.",
                "Break-even: the committed instances must run " + percent(breakEven) + " of the hours; below that"
                        + " the commitment costs more than on demand.",
                "Coverage: " + percent((double) steady / running) + " of the running on-demand " + type
                        + " instances; utilisation of the commitment at today's use: 100%.",
                "If a quarter of this base stops, the saving falls to " + Money.of(low, currency)
                        + " a month; the commitment is paid for a year whatever the use.",
                "The action requests the committed capacity through Provision (estimate, policies, approval); stop as"
                        + " many on-demand instances once it runs."),
                p50, low, p50, currency, breakEven > 0.75 ? Recommendation.Risk.HIGH : breakEven > 0.5
                        ? Recommendation.Risk.MEDIUM : Recommendation.Risk.LOW,
                new ProvisionSuggestion(first.providerId(), first.regionId(), type, steady,
                        PurchaseOption.COMMITTED_1Y)));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
