package dev.burnrate.portal.plugin;

import dev.burnrate.api.CatalogEdition;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PriceList;
import dev.burnrate.api.Region;
import dev.burnrate.engine.plugin.PluginCallException;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes a provider's prices from its plugin ({@link CloudProvider#refreshPrices()}): the list is checked
 * whole (every offering the provider's own, in one of its regions), stored and audited in one transaction, and
 * only then put in effect, at its effective date. A refused or failing refresh changes nothing.
 */
@Service
public class PriceRefreshService {

    /** What a refresh did: applied a list, or found nothing newer. */
    public record Outcome(Optional<StoredPriceList> applied, String message) {
    }

    /**
     * The price list state of one provider, for the catalog.
     *
     * @param builtIn the version and date of the catalog the plugin ships, when it says
     */
    public record ProviderPrices(String providerId, String providerName, Optional<StoredPriceList> inEffect,
                                 Optional<StoredPriceList> pending, Optional<CatalogEdition> builtIn) {
    }

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private final PluginCatalogService catalog;
    private final PriceListRepository repository;
    private final PriceLists lists;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PriceRefreshService(PluginCatalogService catalog, PriceListRepository repository, PriceLists lists,
                               AuditService audit, CurrentUser currentUser, TransactionTemplate tx, Clock clock) {
        this.catalog = catalog;
        this.repository = repository;
        this.lists = lists;
        this.audit = audit;
        this.currentUser = currentUser;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Asks a provider for fresh prices and applies them. Calls the plugin (seconds): run it off the request thread.
     *
     * @throws IllegalArgumentException naming the provider and each bad offering when the list is refused
     */
    @RolesAllowed(Role.Names.ADMIN)
    public Outcome refresh(String providerId) {
        String actor = currentUser.requireUsername();
        ProviderSummary summary = catalog.providers().stream().filter(p -> p.providerId().equals(providerId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No provider plugin '" + providerId
                        + "' is running"));
        CloudProvider provider = catalog.provider(providerId).orElseThrow();
        Optional<PriceList> refreshed;
        List<Region> regions;
        try {
            refreshed = provider.refreshPrices();
            regions = provider.regions();
        } catch (PluginCallException e) {
            throw new IllegalStateException("Refreshing the prices of " + summary.displayName() + " failed: "
                    + e.getMessage(), e);
        }
        if (refreshed == null || refreshed.isEmpty()) {
            return new Outcome(Optional.empty(), summary.displayName() + " has no newer prices");
        }
        PriceList list = refreshed.get();
        check(summary, list, regions.stream().map(Region::id).collect(Collectors.toSet()));
        String versionBefore = catalog.priceCatalogVersion();
        StoredPriceList stored = tx.execute(status -> {
            StoredPriceList row = repository.insert(providerId, summary.pluginId(), list.effectiveFrom(),
                    list.source(), list.offerings(), actor, clock.instant());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("priceCatalogVersion", versionBefore);
            lists.inEffect(providerId).ifPresent(l -> before.put("priceListId", l.id()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("priceListId", row.id());
            after.put("effectiveFrom", row.effectiveFrom().toString());
            after.put("source", row.source());
            after.put("offerings", row.offerings().size());
            audit.record("catalog.prices-refreshed", "provider:" + providerId, before, after);
            return row;
        });
        lists.reload();
        return new Outcome(Optional.of(stored), summary.displayName() + ": " + stored.offerings().size()
                + " offerings, prices effective from " + DATE.format(stored.effectiveFrom()));
    }

    /** Whether the signed-in user may refresh prices (administrators). */
    @PermitAll
    public boolean canRefresh() {
        return currentUser.hasRole(Role.ADMIN);
    }

    /** Every provider with the list in effect and the next one pending; catalog facts, readable by everyone. */
    @PermitAll
    public List<ProviderPrices> priceLists() {
        return catalog.providers().stream().map(p -> new ProviderPrices(p.providerId(), p.displayName(),
                lists.inEffect(p.providerId()), lists.pending(p.providerId()), builtInEdition(p.providerId())))
                .toList();
    }

    /** A plugin that fails to say its catalog edition still gets its prices shown, just without the date. */
    private Optional<CatalogEdition> builtInEdition(String providerId) {
        try {
            return catalog.provider(providerId).flatMap(CloudProvider::catalogEdition);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void check(ProviderSummary provider, PriceList list, Set<String> regions) {
        List<String> problems = new ArrayList<>();
        for (Offering o : list.offerings()) {
            if (!provider.providerId().equals(o.providerId())) {
                problems.add(o.key() + " belongs to provider '" + o.providerId() + "'");
            } else if (!regions.contains(o.regionId())) {
                problems.add(o.key() + " is in region '" + o.regionId() + "', which " + provider.displayName()
                        + " does not list");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The price list of " + provider.displayName() + " was not applied: "
                    + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? " (and " + (problems.size() - 10) + " more)" : ""));
        }
    }
}
