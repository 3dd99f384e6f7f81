package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Offering;
import dev.burnrate.api.PurchaseOption;

/**
 * Estimates a request's cost. A port: the simulator (Monte Carlo over interruptions, with P90) implements it;
 * {@link ListPriceEstimator} is the plain list-price estimate used until then.
 */
public interface CostEstimator {

    /** @param durationHours planned hours, or null when the request runs until stopped */
    Estimate estimate(Offering offering, int count, PurchaseOption option, Double durationHours,
                      boolean checkpointing);
}
