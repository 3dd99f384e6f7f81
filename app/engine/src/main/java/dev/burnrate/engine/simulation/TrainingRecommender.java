package dev.burnrate.engine.simulation;

import dev.burnrate.api.PurchaseOption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the training option to recommend: the lowest expected cost among options that meet the deadline with
 * the workload's confidence (all options without a deadline); when none does, the one most likely to meet it.
 * The reasons compare it with the obvious alternatives: the same instance on-demand, the runner-up, and the best
 * option on the other kind of hardware (GPU vs CPU).
 */
final class TrainingRecommender {

    private TrainingRecommender() {
    }

    static Recommendation recommend(List<ComparisonRow> rows, TrainingWorkload workload) {
        Comparator<ComparisonRow> cheapest = Comparator.comparingDouble(ComparisonRow::expectedCost)
                .thenComparingDouble(r -> r.cost().p90()).thenComparingDouble(r -> r.hours().mean());
        List<ComparisonRow> eligible = rows.stream().filter(r -> meets(r, workload)).sorted(cheapest).toList();
        List<String> reasons = new ArrayList<>();
        ComparisonRow choice;
        if (eligible.isEmpty()) {
            choice = rows.stream().max(Comparator.comparingDouble(ComparisonRow::meetDeadlineProbability)
                    .thenComparing(cheapest.reversed())).orElseThrow();
            reasons.add(String.format("No option finishes within the %.0f h deadline with %.0f%% probability; this"
                            + " one is the most likely to (%.0f%%).", workload.deadlineHours(),
                    100 * workload.deadlineConfidence(), 100 * choice.meetDeadlineProbability()));
        } else {
            choice = eligible.getFirst();
            reasons.add(workload.hasDeadline()
                    ? String.format("Lowest expected cost ($%,.0f) of the %d options that finish within %.0f h with"
                            + " at least %.0f%% probability (this one: %.0f%%).", choice.expectedCost(),
                    eligible.size(), workload.deadlineHours(), 100 * workload.deadlineConfidence(),
                    100 * choice.meetDeadlineProbability())
                    : String.format("Lowest expected cost ($%,.0f) of %d options; expected to finish in %.0f h.",
                    choice.expectedCost(), rows.size(), choice.hours().mean()));
        }
        spotVersusOnDemand(rows, choice, workload).ifPresent(reasons::add);
        if (eligible.size() > 1) {
            ComparisonRow next = eligible.get(1);
            reasons.add(String.format("Next best: %s at $%,.0f (%+.0f%%).", next.label(), next.expectedCost(),
                    100 * (next.expectedCost() / choice.expectedCost() - 1)));
        }
        otherHardware(rows, choice, workload).ifPresent(reasons::add);
        return new Recommendation(choice, reasons);
    }

    static boolean meets(ComparisonRow row, TrainingWorkload workload) {
        return !workload.hasDeadline() || row.meetDeadlineProbability() >= workload.deadlineConfidence();
    }

    private static Optional<String> spotVersusOnDemand(List<ComparisonRow> rows, ComparisonRow choice,
                                                       TrainingWorkload workload) {
        Optional<ComparisonRow> onDemand = sameOffering(rows, choice, PurchaseOption.ON_DEMAND);
        if (choice.option() == PurchaseOption.SPOT && onDemand.isPresent()) {
            return Optional.of(String.format("Spot saves %.0f%% against on-demand on the same instances, counting"
                            + " %.1f interruptions per run on average; P90 cost $%,.0f, P90 time %.0f h; %.0f%% of runs"
                            + " fall back to on-demand.", 100 * (1 - choice.expectedCost() / onDemand.get().expectedCost()),
                    choice.expectedInterruptions(), choice.cost().p90(), choice.hours().p90(),
                    100 * choice.fallbackShare()));
        }
        Optional<ComparisonRow> spot = sameOffering(rows, choice, PurchaseOption.SPOT);
        if (choice.option() != PurchaseOption.SPOT && spot.isPresent()) {
            ComparisonRow s = spot.get();
            if (!meets(s, workload)) {
                return Optional.of(String.format("Spot on the same instances would be %.0f%% cheaper on average but"
                                + " meets the deadline in only %.0f%% of runs.",
                        100 * (1 - s.expectedCost() / choice.expectedCost()), 100 * s.meetDeadlineProbability()));
            }
            return Optional.of(String.format("Spot on the same instances costs $%,.0f on average once restarts and"
                    + " lost work are counted.", s.expectedCost()));
        }
        return Optional.empty();
    }

    private static Optional<String> otherHardware(List<ComparisonRow> rows, ComparisonRow choice,
                                                  TrainingWorkload workload) {
        return rows.stream().filter(r -> r.isAccelerated() != choice.isAccelerated())
                .min(Comparator.comparingDouble(ComparisonRow::expectedCost))
                .map(best -> String.format("Best on %s: %s at $%,.0f (%.1fx), %.0f h%s.",
                        best.isAccelerated() ? "accelerators" : "CPUs", best.label(), best.expectedCost(),
                        best.expectedCost() / choice.expectedCost(), best.hours().mean(),
                        workload.hasDeadline() && !meets(best, workload) ? ", missing the deadline" : ""));
    }

    private static Optional<ComparisonRow> sameOffering(List<ComparisonRow> rows, ComparisonRow choice,
                                                        PurchaseOption option) {
        return rows.stream().filter(r -> r.option() == option && r.offering().key().equals(choice.offering().key()))
                .findFirst();
    }
}
