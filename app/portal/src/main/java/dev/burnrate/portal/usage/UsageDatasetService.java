package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Usage datasets and their versions (with lineage and tier) as the portal lists them, and dataset settings.
 * Anyone signed in may list; team-scoped users see version totals over their teams' rows only. Creating a dataset
 * and changing whether it counts toward budgets are ADMIN/FINANCE only and audited.
 */
@Service
public class UsageDatasetService {

    private final UsageRepository repository;
    private final VersionTables tables;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final VersionCurrencyTotals currencyTotals;

    public UsageDatasetService(UsageRepository repository, VersionTables tables, CurrentUser currentUser,
                               AuditService audit, TransactionTemplate tx, ApplicationEventPublisher events,
                               VersionCurrencyTotals currencyTotals) {
        this.currencyTotals = currencyTotals;
        this.repository = repository;
        this.tables = tables;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
    }

    @PermitAll
    public List<DatasetSummary> datasets() {
        return repository.datasets();
    }

    /** Versions oldest first; for team-scoped users the totals cover only their teams' rows. */
    @PermitAll
    public List<VersionSummary> versions(String dataset) {
        List<VersionSummary> all = repository.versions(dataset);
        if (currentUser.seesAllTeams()) {
            return all;
        }
        return all.stream().map(this::scopedTotals).toList();
    }

    private VersionSummary scopedTotals(VersionSummary v) {
        QueryResult r = tables.query(v.key(), UsageQuery.builder()
                .sum(Metric.BILLED_COST, Metric.EFFECTIVE_COST, Metric.LIST_COST).build());
        return new VersionSummary(v.key(), v.dataset(), v.createdAt(), v.createdBy(), v.transform(),
                v.sourceFileName(), v.sourceSha256(), v.detail(), v.contentSha256(), r.rowsMatched(),
                r.total(Metric.BILLED_COST), r.total(Metric.EFFECTIVE_COST), r.total(Metric.LIST_COST), v.from(),
                v.to(), v.providers(), v.tier(), v.quarantinedRows(), v.parents(), true);
    }

    /**
     * A version's costs per billing currency, largest first: what pages show instead of a version's stored totals,
     * which add amounts whatever their currency. Team-scoped like {@link #versions}.
     */
    @PermitAll
    public List<CurrencyTotals> totalsByCurrency(String versionKey) {
        return currencyTotals.of(versionKey);
    }

    /** The newest version of a dataset, if any. */
    @PermitAll
    public Optional<VersionSummary> latest(String dataset) {
        // Scoped totals for the newest version only: versions() would run a totals query for every version.
        List<VersionSummary> all = repository.versions(dataset);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        VersionSummary newest = all.getLast();
        return Optional.of(currentUser.seesAllTeams() ? newest : scopedTotals(newest));
    }

    /** Creates an empty dataset unless one of that name exists; imports and appends then add versions to it. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void createDataset(String dataset, String description, String teamTagKey, boolean countsTowardBudgets) {
        if (!DatasetStore.isValidId(dataset)) {
            throw new IllegalArgumentException(UsageImportService.DATASET_NAME_RULE);
        }
        if (repository.findDataset(dataset).isPresent()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            audit.record("usage.dataset.create", "dataset:" + dataset, null,
                    Map.of("teamTagKey", teamTagKey, "countsTowardBudgets", countsTowardBudgets));
            repository.insertDataset(dataset, description, teamTagKey, currentUser.actor());
            repository.setCountsTowardBudgets(dataset, countsTowardBudgets);
        });
    }

    /** Whether a dataset's spend counts toward budgets (imported billing does; a copy of metered usage must not). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void setCountsTowardBudgets(String dataset, boolean counts) {
        boolean before = repository.countsTowardBudgets(dataset);
        if (before == counts) {
            return;
        }
        tx.executeWithoutResult(status -> {
            repository.setCountsTowardBudgets(dataset, counts);
            audit.record("usage.dataset.budgets", "dataset:" + dataset, Map.of("countsTowardBudgets", before),
                    Map.of("countsTowardBudgets", counts));
        });
        events.publishEvent(new SpendChanged("dataset settings"));
    }

    /** The datasets (with a version) whose spend budgets count. */
    @PermitAll
    public List<String> budgetDatasets() {
        return repository.budgetDatasets();
    }
}
