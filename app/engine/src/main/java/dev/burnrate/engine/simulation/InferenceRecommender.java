package dev.burnrate.engine.simulation;

import dev.burnrate.api.PurchaseOption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recommends the cheapest eligible way to serve the load curve (a commitment only when the curve spans its term),
 * with the alternatives and, for the recommended offering, what committing would save if the load continued for a
 * whole term and what it would oblige the buyer to pay.
 */
final class InferenceRecommender {

    private InferenceRecommender() {
    }

    /** @param rows sorted by expected cost, cheapest first; @return null when no row may be recommended */
    static Recommendation recommend(List<ComparisonRow> rows, CommitmentAnalysis commitment, InferenceWorkload w) {
        List<ComparisonRow> eligible = rows.stream().filter(ComparisonRow::isEligible).toList();
        if (eligible.isEmpty()) {
            return null;
        }
        ComparisonRow choice = eligible.getFirst();
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "Lowest cost of %d eligible options for the %d-hour load curve: $%,.0f.",
                eligible.size(), w.hours(), choice.expectedCost()));
        if (CommitmentTerm.isCommitment(choice.option())) {
            reasons.add("Obligation: " + CommitmentTerm.obligationText(choice.option(),
                    choice.offering().prices().forOption(choice.option()), choice.instances())
                    + " at most; see the row's notes for the instances committed.");
        }
        rows.stream().filter(r -> r.offering().key().equals(choice.offering().key())
                        && r.option() == PurchaseOption.ON_DEMAND && r != choice).findFirst()
                .ifPresent(od -> reasons.add(String.format(Locale.ROOT, "%s on-demand on the same instances ($%,.0f).",
                        capitalised(CostWording.relative(choice.expectedCost(), od.expectedCost())),
                        od.expectedCost())));
        eligible.stream().filter(r -> r.isAccelerated() != choice.isAccelerated()).findFirst()
                .ifPresent(other -> reasons.add(String.format(Locale.ROOT, "Cheapest on %s: %s at $%,.0f (%s the"
                                + " recommendation).", other.isAccelerated() ? "accelerators" : "CPUs", other.label(),
                        other.expectedCost(), CostWording.relative(other.expectedCost(), choice.expectedCost()))));
        if (commitment != null && commitment.offeringKey().equals(choice.offering().key())) {
            for (PurchaseOption term : commitment.cost().keySet()) {
                reasons.add(commitmentReason(commitment, term, choice, w));
            }
        }
        return new Recommendation(choice, reasons);
    }

    /** What the coverage analysis says about a term, as if the load curve repeated for the whole term. */
    private static String commitmentReason(CommitmentAnalysis commitment, PurchaseOption term, ComparisonRow choice,
                                           InferenceWorkload w) {
        int level = commitment.optimalLevel(term);
        double[] cost = commitment.cost().get(term);
        int breakEven = commitment.breakEvenLevel(term);
        double units = commitment.units(level);
        String name = capitalised(ComparisonRow.optionName(term));
        if (units <= 0) {
            return String.format(Locale.ROOT, "%s on %s: committing any instances costs more than on-demand for this"
                    + " load.", name, commitment.offeringKey());
        }
        String spans = w.hours() >= CommitmentTerm.hours(term) ? ""
                : String.format(Locale.ROOT, " If this load continued for the whole term (the %d-hour curve does not"
                + " span it):", w.hours());
        return String.format(Locale.ROOT, "%s on %s:%s committing %.0f instances (%.0f%% of peak) would cost $%,.0f"
                        + " per %d hours vs $%,.0f all on-demand (%s), %s; %s.", name, commitment.offeringKey(), spans,
                units, commitment.coveragePercent()[level], cost[level], w.hours(), commitment.onDemandCost(),
                CostWording.relative(cost[level], commitment.onDemandCost()),
                CommitmentTerm.obligationText(term, choice.offering().prices().forOption(term), units),
                breakEven == cost.length - 1 ? "even committing the whole peak costs less than committing nothing"
                        : String.format(Locale.ROOT, "committing more than %.0f%% of peak costs more than committing"
                        + " nothing", commitment.coveragePercent()[breakEven]));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
