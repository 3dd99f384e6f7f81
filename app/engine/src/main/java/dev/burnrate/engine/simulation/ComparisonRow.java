package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;

import java.util.List;

/**
 * One way to run a workload: an offering bought one way, with the simulated cost and time.
 *
 * @param cost                     total cost (USD) over the scenarios
 * @param hours                    wall-clock hours to finish (training) or the horizon (inference)
 * @param meetDeadlineProbability  share of scenarios finishing by the deadline; NaN without a deadline
 * @param expectedInterruptions    mean spot interruptions per run (0 for other options)
 * @param fallbackShare            share of scenarios that fell back to on-demand
 * @param costHistogram            distribution of cost for charts
 * @param costVsHours              a sample of (hours, cost) pairs of individual scenarios for charts
 * @param notes                    assumptions behind the row
 */
public record ComparisonRow(Offering offering, String hardware, HardwareKind kind, int instances,
                            PurchaseOption option, Distribution cost, Distribution hours,
                            double meetDeadlineProbability, double expectedInterruptions, double fallbackShare,
                            Histogram costHistogram, double[][] costVsHours, List<String> notes) {

    public ComparisonRow {
        notes = List.copyOf(notes);
    }

    public double expectedCost() {
        return cost.mean();
    }

    public boolean isAccelerated() {
        return kind != HardwareKind.CPU;
    }

    /** e.g. {@code aws us-east-1 p5.48xlarge x2 (H100) spot}. */
    public String label() {
        return offering.providerId() + " " + offering.regionId() + " " + offering.instanceType()
                + (instances > 1 ? " x" + instances : "") + " (" + hardware + ") " + optionName(option);
    }

    static String optionName(PurchaseOption option) {
        return switch (option) {
            case ON_DEMAND -> "on-demand";
            case SPOT -> "spot";
            case COMMITTED_1Y -> "1-year commitment";
            case COMMITTED_3Y -> "3-year commitment";
        };
    }
}
