package dev.burnrate.engine.simulation;

import dev.burnrate.api.PurchaseOption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Recommends the cheapest way to serve the load curve, with the alternatives and the commitment to make. */
final class InferenceRecommender {

    private InferenceRecommender() {
    }

    /** @param rows sorted by expected cost, cheapest first */
    static Recommendation recommend(List<ComparisonRow> rows, CommitmentAnalysis commitment) {
        ComparisonRow choice = rows.getFirst();
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format("Lowest cost of %d options for the %.0f-hour load curve: $%,.0f.", rows.size(),
                choice.hours().mean(), choice.expectedCost()));
        rows.stream().filter(r -> r.offering().key().equals(choice.offering().key())
                        && r.option() == PurchaseOption.ON_DEMAND && r != choice).findFirst()
                .ifPresent(od -> reasons.add(String.format("%.0f%% below on-demand on the same instances ($%,.0f).",
                        100 * (1 - choice.expectedCost() / od.expectedCost()), od.expectedCost())));
        rows.stream().filter(r -> r.isAccelerated() != choice.isAccelerated())
                .min(Comparator.comparingDouble(ComparisonRow::expectedCost))
                .ifPresent(other -> reasons.add(String.format("Cheapest on %s: %s at $%,.0f (%.1fx).",
                        other.isAccelerated() ? "accelerators" : "CPUs", other.label(), other.expectedCost(),
                        other.expectedCost() / choice.expectedCost())));
        if (commitment != null) {
            for (PurchaseOption term : commitment.cost().keySet()) {
                int level = commitment.optimalLevel(term);
                double[] cost = commitment.cost().get(term);
                int breakEven = commitment.breakEvenLevel(term);
                reasons.add(String.format("%s on %s: committing %.0f instances (%.0f%% of peak) minimises cost at"
                                + " $%,.0f vs $%,.0f all on-demand; %s", ComparisonRow.optionName(term),
                        commitment.offeringKey(), commitment.units(level), commitment.coveragePercent()[level],
                        cost[level], commitment.onDemandCost(), breakEven == cost.length - 1
                                ? "even committing the whole peak costs less than committing nothing."
                                : String.format("committing more than %.0f%% of peak costs more than committing nothing.",
                                commitment.coveragePercent()[breakEven])));
            }
        }
        return new Recommendation(choice, reasons);
    }
}
