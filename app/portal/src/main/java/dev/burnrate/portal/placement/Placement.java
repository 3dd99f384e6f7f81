package dev.burnrate.portal.placement;

import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.provisioning.Estimate;
import dev.burnrate.portal.provisioning.RequestDraft;

/**
 * One feasible offering for a job.
 *
 * @param instances   instances that match the reference's throughput
 * @param hours       time to finish there (null: a service, priced for a month)
 * @param estimate    the cost per job (expected, P50, P90) as the provisioning estimate gives it (spot: simulated)
 * @param outcome     what the policies would decide: ALLOW, WARN or REQUIRE_APPROVAL (DENY is excluded)
 * @param draft       the request placed here, ready to prefill /provision
 */
public record Placement(CatalogOffering offering, int instances, Double hours, Estimate estimate, Outcome outcome,
                        RequestDraft draft) {
}
