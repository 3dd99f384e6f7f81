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
 * @param interruptedShare         share of scenarios interrupted at least once (0 for other options)
 * @param fallbackShare            share of scenarios that fell back to on-demand (after an interruption, so at
 *                                 most {@code interruptedShare})
 * @param costHistogram            distribution of cost for charts
 * @param costVsHours              a sample of (hours, cost) pairs of individual scenarios for charts
 * @param notes                    assumptions behind the row
 * @param provenance               where the figures come from: the catalog row (provider, region, instance type,
 *                                 the price used and its kind) and the hardware spec
 * @param ineligibleReason         why this option may not be recommended (misses the deadline, a commitment the
 *                                 workload does not span); {@code null} when it may
 */
public record ComparisonRow(Offering offering, String hardware, HardwareKind kind, int instances,
                            PurchaseOption option, Distribution cost, Distribution hours,
                            double meetDeadlineProbability, double expectedInterruptions, double interruptedShare,
                            double fallbackShare, Histogram costHistogram, double[][] costVsHours, List<String> notes,
                            String provenance, String ineligibleReason) {

    public ComparisonRow {
        notes = List.copyOf(notes);
    }

    public boolean isEligible() {
        return ineligibleReason == null;
    }

    /** This row, not to be recommended for {@code reason}. */
    ComparisonRow ineligible(String reason) {
        return new ComparisonRow(offering, hardware, kind, instances, option, cost, hours, meetDeadlineProbability,
                expectedInterruptions, interruptedShare, fallbackShare, costHistogram, costVsHours, notes, provenance,
                reason);
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
