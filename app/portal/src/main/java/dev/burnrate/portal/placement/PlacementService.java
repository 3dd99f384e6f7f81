package dev.burnrate.portal.placement;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.plugin.CatalogFilter;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.plugin.CatalogSort;
import dev.burnrate.portal.plugin.PluginCatalogService;
import dev.burnrate.portal.provisioning.CostEstimator;
import dev.burnrate.portal.provisioning.PolicyDryRun;
import dev.burnrate.portal.provisioning.ProviderCatalog;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a request would cost least per job: every offering of every provider and region, ranked by
 * {@link PlacementRanker} and judged by the active policies as the /provision preview judges (so what is shown
 * feasible is what the request would not be denied). Stores nothing.
 */
@Service
public class PlacementService {

    private final PluginCatalogService catalog;
    private final ProviderCatalog providers;
    private final CostEstimator estimator;
    private final PolicyDryRun dryRun;
    private final ComputeService compute;
    private final ProvisioningService provisioning;

    public PlacementService(PluginCatalogService catalog, ProviderCatalog providers, CostEstimator estimator,
                            PolicyDryRun dryRun, ComputeService compute, ProvisioningService provisioning) {
        this.catalog = catalog;
        this.providers = providers;
        this.estimator = estimator;
        this.dryRun = dryRun;
        this.compute = compute;
        this.provisioning = provisioning;
    }

    /**
     * @throws IllegalArgumentException when the draft names no offering the catalog has, a team the user may not
     *                                  request for, or hardware whose throughput is unknown
     */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    @Transactional(readOnly = true)
    public PlacementRanking rank(RequestDraft draft) {
        if (provisioning.myTeams().stream().noneMatch(t -> t.name().equals(draft.team()))) {
            throw new IllegalArgumentException("Team '" + draft.team() + "' is not one you may request for");
        }
        Offering reference = providers.offering(draft.providerId(), draft.regionId(), draft.instanceType())
                .orElseThrow(() -> new IllegalArgumentException("No offering " + draft.instanceType() + " in "
                        + draft.providerId() + "/" + draft.regionId()));
        List<CatalogOffering> all = catalog.offerings(CatalogFilter.ALL, CatalogSort.PROVIDER, true, 0,
                Integer.MAX_VALUE);
        List<Policy> policies = dryRun.policies();
        Map<String, Optional<Region>> regions = new HashMap<>();
        PlacementRanker ranker = new PlacementRanker(estimator, catalog.hardware(), compute.cpuGflopsPerCore());
        return ranker.rank(new PlacementSpec(draft, reference), all, (placed, at, estimate) -> {
            Region region = regions.computeIfAbsent(at.providerId() + "/" + at.offering().regionId(),
                    key -> providers.region(at.providerId(), at.offering().regionId())).orElseThrow(
                    () -> new PlacementRanker.CannotJudge("its provider does not list the region (no facts for"
                            + " the policies)"));
            return dryRun.judge(policies, placed, region, at.offering(), estimate);
        });
    }
}
