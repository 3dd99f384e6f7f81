package dev.burnrate.engine.simulation;

import dev.burnrate.api.PurchaseOption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the training option to recommend: the lowest expected cost among the eligible options (those that meet
 * the deadline with the workload's confidence and are not a commitment the run does not span). When none is
 * eligible nothing is recommended. The reasons compare the choice with the obvious alternatives: spot or
 * on-demand on the same instances, the runner-up, and the best eligible option on the other kind of hardware.
 */
final class TrainingRecommender {

    private TrainingRecommender() {
    }

    /** @return the recommendation, or null when no option may be recommended */
    static Recommendation recommend(List<ComparisonRow> rows, TrainingWorkload workload) {
        Comparator<ComparisonRow> cheapest = Comparator.comparingDouble(ComparisonRow::expectedCost)
                .thenComparingDouble(r -> r.cost().p90()).thenComparingDouble(r -> r.hours().mean());
        List<ComparisonRow> eligible = rows.stream().filter(ComparisonRow::isEligible).sorted(cheapest).toList();
        if (eligible.isEmpty()) {
            return null;
        }
        ComparisonRow choice = eligible.getFirst();
        List<String> reasons = new ArrayList<>();
        reasons.add(workload.hasDeadline()
                ? String.format(Locale.ROOT, "Lowest expected cost ($%,.0f; P50 $%,.0f, P90 $%,.0f) of the %d options"
                        + " that finish within %,.0f h with at least %s probability (this one: %s).",
                choice.expectedCost(), choice.cost().p50(), choice.cost().p90(), eligible.size(),
                workload.deadlineHours(), CostWording.percent(workload.deadlineConfidence()),
                CostWording.percent(choice.meetDeadlineProbability()))
                : String.format(Locale.ROOT, "Lowest expected cost ($%,.0f; P50 $%,.0f, P90 $%,.0f) of the %d"
                        + " eligible options; expected to finish in %,.0f h.", choice.expectedCost(),
                choice.cost().p50(), choice.cost().p90(), eligible.size(), choice.hours().mean()));
        if (CommitmentTerm.isCommitment(choice.option())) {
            Double price = choice.offering().prices().forOption(choice.option());
            reasons.add("Obligation: " + CommitmentTerm.obligationText(choice.option(), price, choice.instances())
                    + ", whatever runs on it.");
        }
        spotVersusOnDemand(rows, choice).ifPresent(reasons::add);
        if (eligible.size() > 1) {
            ComparisonRow next = eligible.get(1);
            reasons.add(String.format(Locale.ROOT, "Next best: %s at $%,.0f (%s the recommendation).", next.label(),
                    next.expectedCost(), CostWording.relative(next.expectedCost(), choice.expectedCost())));
        }
        otherHardware(eligible, choice).ifPresent(reasons::add);
        return new Recommendation(choice, reasons);
    }

    private static Optional<String> spotVersusOnDemand(List<ComparisonRow> rows, ComparisonRow choice) {
        Optional<ComparisonRow> onDemand = sameOffering(rows, choice, PurchaseOption.ON_DEMAND);
        if (choice.option() == PurchaseOption.SPOT && onDemand.isPresent()) {
            return Optional.of(CostWording.spotSummary(choice, onDemand.get()));
        }
        Optional<ComparisonRow> spot = sameOffering(rows, choice, PurchaseOption.SPOT);
        if (choice.option() != PurchaseOption.SPOT && spot.isPresent()) {
            ComparisonRow s = spot.get();
            String compared = String.format(Locale.ROOT, "Spot on the same instances would be %s this option on"
                    + " average ($%,.0f, P90 $%,.0f)", CostWording.relative(s.expectedCost(), choice.expectedCost()),
                    s.expectedCost(), s.cost().p90());
            return Optional.of(s.isEligible() ? compared + "." : compared + ", but it " + s.ineligibleReason() + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> otherHardware(List<ComparisonRow> eligible, ComparisonRow choice) {
        return eligible.stream().filter(r -> r.isAccelerated() != choice.isAccelerated()).findFirst()
                .map(best -> String.format(Locale.ROOT, "Best on %s: %s at $%,.0f (%s the recommendation), %,.0f h.",
                        best.isAccelerated() ? "accelerators" : "CPUs", best.label(), best.expectedCost(),
                        CostWording.relative(best.expectedCost(), choice.expectedCost()), best.hours().mean()));
    }

    private static Optional<ComparisonRow> sameOffering(List<ComparisonRow> rows, ComparisonRow choice,
                                                        PurchaseOption option) {
        return rows.stream().filter(r -> r.option() == option && r.offering().key().equals(choice.offering().key()))
                .findFirst();
    }
}
