package dev.burnrate.portal.provisioning;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.plugin.CatalogFilter;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.plugin.CatalogSort;
import dev.burnrate.portal.plugin.PluginCatalogService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Estimates one job on every catalog offering that could run it, with the estimator the provisioning preview uses
 * (the spot simulation for spot runs with a planned duration, list prices otherwise), so an estimate for a pipeline
 * and the form's preview of the same offering agree. Catalog facts are public, so every role may estimate.
 */
@Service
public class OfferingEstimates {

    /** More candidates than this is a question too broad to simulate in one call. */
    static final int MAX_CANDIDATES = 400;
    /** The most instances one request may ask for. */
    public static final int MAX_INSTANCES = DraftValidator.MAX_COUNT;

    /**
     * What to estimate; {@code null} filters do not filter.
     *
     * @param acceleratorCount accelerators in total (instances = ceil(count / per instance)); null: one instance
     * @param durationHours    planned hours; null for a service that runs until stopped (priced for a month)
     */
    public record Job(Template template, String providerId, String regionId, String accelerator,
                      Integer acceleratorCount, String instanceType, PurchaseOption purchaseOption,
                      Double durationHours, boolean checkpointing) {
    }

    /** One offering's estimate for the job. */
    public record OfferingEstimate(CatalogOffering offering, int instances, Estimate estimate) {
    }

    private final PluginCatalogService catalog;
    private final CostEstimator estimator;
    private final UserService users;
    private final CurrentUser currentUser;

    public OfferingEstimates(PluginCatalogService catalog, CostEstimator estimator, UserService users,
                             CurrentUser currentUser) {
        this.catalog = catalog;
        this.estimator = estimator;
        this.users = users;
        this.currentUser = currentUser;
    }

    /**
     * Every offering that fits the job, sold as its purchase option and within the instance limit of a request,
     * cheapest expected total first (then provider, region, instance type: the same job gives the same order).
     *
     * @throws IllegalArgumentException when more than {@link #MAX_CANDIDATES} offerings match
     */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN, Role.Names.FINANCE})
    public List<OfferingEstimate> estimate(Job job) {
        CatalogFilter filter = new CatalogFilter(job.providerId(), job.regionId(), job.accelerator(), null, false,
                job.acceleratorCount() != null);
        List<CatalogOffering> candidates = catalog.offerings(filter, CatalogSort.PROVIDER, true, 0, Integer.MAX_VALUE)
                .stream()
                .filter(o -> job.instanceType() == null || job.instanceType().equals(o.offering().instanceType()))
                .filter(o -> job.template().fits(o.offering()))
                .filter(o -> o.offering().prices().forOption(job.purchaseOption()) != null)
                .filter(o -> instances(o, job) <= MAX_INSTANCES)
                .toList();
        if (candidates.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException(candidates.size() + " offerings match; narrow the job by provider,"
                    + " region, accelerator or instance type (at most " + MAX_CANDIDATES + " are estimated at once)");
        }
        return candidates.stream()
                .map(o -> new OfferingEstimate(o, instances(o, job), estimator.estimate(o.offering(), instances(o, job),
                        job.purchaseOption(), job.durationHours(), job.checkpointing())))
                .sorted(Comparator.comparingDouble((OfferingEstimate e) -> e.estimate().expectedTotal())
                        .thenComparing(e -> e.offering().providerId())
                        .thenComparing(e -> e.offering().offering().regionId())
                        .thenComparing(e -> e.offering().offering().instanceType()))
                .toList();
    }

    /** The offerings of an instance type in a region, of any provider (to tell which provider a spec means). */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN, Role.Names.FINANCE})
    public List<CatalogOffering> offerings(String regionId, String instanceType) {
        return catalog.offerings(new CatalogFilter(null, regionId, null, null, false, false), CatalogSort.PROVIDER,
                true, 0, Integer.MAX_VALUE).stream()
                .filter(o -> o.offering().instanceType().equals(instanceType)).toList();
    }

    /** The version of the prices every estimate was made from (changes whenever a provider's prices change). */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN, Role.Names.FINANCE})
    public String priceCatalogVersion() {
        return catalog.priceCatalogVersion();
    }

    /** The first (by name) of the teams the user belongs to, for an estimate that names none. */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN, Role.Names.FINANCE})
    public Optional<String> firstTeam() {
        var mine = currentUser.teamIds();
        return users.findTeams().stream().filter(t -> mine.contains(t.id())).map(Team::name).sorted().findFirst();
    }

    /** Instances needed for the job's accelerators on this offering (one when the job names no count). */
    static int instances(CatalogOffering o, Job job) {
        if (job.acceleratorCount() == null) {
            return 1;
        }
        int perInstance = o.offering().acceleratorCount();
        return perInstance == 0 ? Integer.MAX_VALUE : (job.acceleratorCount() + perInstance - 1) / perInstance;
    }
}
