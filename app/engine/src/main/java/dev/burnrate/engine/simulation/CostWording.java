package dev.burnrate.engine.simulation;

import java.util.Locale;

/**
 * Comparisons of costs and shares in words, with the numbers checked in one place: a saving is always "cheaper"
 * with a positive percentage and an extra cost "dearer" (never a negative "cheaper"), and the spot summary keeps
 * the share of runs that fell back to on-demand within the share that was interrupted at all (the Monte Carlo falls
 * back only after an interruption).
 */
public final class CostWording {

    private CostWording() {
    }

    /** Percentage by which {@code cost} differs from {@code reference}: positive when dearer, negative when cheaper. */
    public static double percentChange(double cost, double reference) {
        if (!(reference > 0)) {
            throw new IllegalArgumentException("a cost compares only with a positive reference: " + reference);
        }
        return 100 * (cost / reference - 1);
    }

    /**
     * {@code "25% cheaper than"}, {@code "10% dearer than"} or {@code "the same as"} (within half a percent, which
     * the rounding would print as 0%).
     */
    public static String relative(double cost, double reference) {
        double change = percentChange(cost, reference);
        if (Math.abs(change) < 0.5) {
            return "the same as";
        }
        return String.format(Locale.ROOT, "%.0f%% %s than", Math.abs(change), change < 0 ? "cheaper" : "dearer");
    }

    /** A share in [0, 1] as a whole percentage that shows 0% or 100% only when exactly so. */
    public static String percent(double share) {
        if (share <= 0) {
            return "0%";
        }
        if (share >= 1) {
            return "100%";
        }
        double rounded = Math.round(100 * share);
        return String.format(Locale.ROOT, "%.0f%%", Math.min(99, Math.max(1, rounded)));
    }

    /** How a spot option compares with on-demand on the same instances, and what its runs went through. */
    public static String spotSummary(ComparisonRow spot, ComparisonRow onDemand) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Spot is %s on-demand on the same instances on average ($%,.0f vs $%,.0f), counting lost work and"
                        + " restarts; P50 $%,.0f, P90 $%,.0f, P90 time %,.0f h.",
                relative(spot.expectedCost(), onDemand.expectedCost()), spot.expectedCost(), onDemand.expectedCost(),
                spot.cost().p50(), spot.cost().p90(), spot.hours().p90()));
        text.append(' ').append(interruptions(spot));
        return text.toString();
    }

    /** The interruption figures of a spot row, worded so that the shares add up. */
    public static String interruptions(ComparisonRow spot) {
        double interrupted = spot.interruptedShare();
        double fellBack = Math.min(spot.fallbackShare(), interrupted);
        if (interrupted <= 0) {
            return "No run was interrupted.";
        }
        String text = String.format(Locale.ROOT, "%s of runs are interrupted at least once (%.1f interruptions per"
                + " run on average)", percent(interrupted), spot.expectedInterruptions());
        if (fellBack <= 0) {
            return text + "; all of them finish on spot.";
        }
        return text + String.format(Locale.ROOT, "; %s of runs then finish on on-demand, because the deadline leaves"
                + " too little slack for another restart or the interruption limit is reached.", percent(fellBack));
    }
}
