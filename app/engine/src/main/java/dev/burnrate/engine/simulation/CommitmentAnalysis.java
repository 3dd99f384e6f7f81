package dev.burnrate.engine.simulation;

import dev.burnrate.api.PurchaseOption;

import java.util.Map;

/**
 * Cost of a usage series at every commitment coverage level (0..100% of peak usage), per term, with unused
 * commitment counted. The optimal level minimises cost; the break-even level is the highest coverage that still
 * costs no more than buying everything on-demand (beyond it, unused commitment outweighs the discount).
 *
 * @param coveragePercent the levels, 0 to 100
 * @param cost            cost at each level, per term
 * @param unusedUnitHours unused committed unit-hours at each level, per term
 */
public record CommitmentAnalysis(String offeringKey, double peakUnits, double onDemandCost, double[] coveragePercent,
                                 Map<PurchaseOption, double[]> cost, Map<PurchaseOption, double[]> unusedUnitHours) {

    public CommitmentAnalysis {
        cost = Map.copyOf(cost);
        unusedUnitHours = Map.copyOf(unusedUnitHours);
    }

    public int optimalLevel(PurchaseOption term) {
        double[] costs = cost.get(term);
        int best = 0;
        for (int l = 1; l < costs.length; l++) {
            if (costs[l] < costs[best]) {
                best = l;
            }
        }
        return best;
    }

    public int breakEvenLevel(PurchaseOption term) {
        double[] costs = cost.get(term);
        int level = 0;
        for (int l = 1; l < costs.length; l++) {
            if (costs[l] <= costs[0]) {
                level = l;
            }
        }
        return level;
    }

    /** Units (instances) committed at a level. */
    public double units(int level) {
        return peakUnits * coveragePercent[level] / 100;
    }
}
