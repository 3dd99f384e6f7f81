package dev.burnrate.portal.usage;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.ImportProgress;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.ingest.UsageRecordSource;
import dev.burnrate.engine.usage.query.GroupKey;
import dev.burnrate.engine.usage.query.Metric;
import dev.burnrate.engine.usage.query.QueryEngine;
import dev.burnrate.engine.usage.query.QueryResult;
import dev.burnrate.engine.usage.query.TeamScope;
import dev.burnrate.engine.usage.query.UsageQuery;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.Lineage;
import dev.burnrate.engine.usage.store.StagedVersion;
import dev.burnrate.engine.usage.store.StorageTiers;
import dev.burnrate.engine.usage.store.Tier;
import dev.burnrate.engine.usage.store.Transform;
import dev.burnrate.engine.usage.store.Transforms;
import dev.burnrate.engine.usage.store.UsageTable;
import dev.burnrate.engine.usage.store.VersionExport;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Usage data for the portal and for other features: imports, versions with lineage and tiers, exploration and
 * spend figures. Team scoping: rows belong to the team named by the dataset's team tag; users see only their teams'
 * rows unless ADMIN or FINANCE. Changes (imports, appends, tier moves) are ADMIN/FINANCE only and audited.
 */
@Service
public class UsageService {

    private final UsageRepository repository;
    private final DatasetStore store;
    private final FileImports imports;
    private final Transforms transforms;
    private final StorageTiers tiers;
    private final QueryEngine engine;
    private final BufferAllocator allocator;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public UsageService(UsageRepository repository, DatasetStore store, FileImports imports, Transforms transforms,
                        StorageTiers tiers, QueryEngine engine, BufferAllocator allocator, CurrentUser currentUser,
                        AuditService audit, TransactionTemplate tx, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.store = store;
        this.imports = imports;
        this.transforms = transforms;
        this.tiers = tiers;
        this.engine = engine;
        this.allocator = allocator;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
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
        QueryResult r = query(v.key(), UsageQuery.builder()
                .sum(Metric.BILLED_COST, Metric.EFFECTIVE_COST, Metric.LIST_COST).build());
        return new VersionSummary(v.key(), v.dataset(), v.createdAt(), v.createdBy(), v.transform(),
                v.sourceFileName(), v.sourceSha256(), v.detail(), v.contentSha256(), r.rowsMatched(),
                r.total(Metric.BILLED_COST), r.total(Metric.EFFECTIVE_COST), r.total(Metric.LIST_COST), v.from(),
                v.to(), v.providers(), v.tier(), v.quarantinedRows(), v.parents(), true);
    }

    /**
     * Imports a file into a dataset (created on first use with the given team tag key). The version's files and
     * its database row appear together: the files are renamed into place as the last step of the transaction.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public ImportResult importFile(String dataset, Path file, String originalName, ValidationMode mode,
                                   String teamTagKey) {
        return importFile(dataset, file, originalName, mode, teamTagKey, ImportProgress.NONE);
    }

    /** As {@link #importFile(String, Path, String, ValidationMode, String)}, reporting progress while reading. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public ImportResult importFile(String dataset, Path file, String originalName, ValidationMode mode,
                                   String teamTagKey, ImportProgress progress) {
        if (!DatasetStore.isValidId(dataset)) {
            throw new IllegalArgumentException("A dataset name uses letters, digits, '.', '_' or '-' (at most 64)");
        }
        SourceFormat format;
        try {
            format = SourceFormat.detect(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (StagedVersion staged = imports.stage(dataset, file, originalName, format,
                ImportOptions.defaults().withMode(mode), currentUser.actor(), progress)) {
            if (staged.result().isPresent()) {
                ImportResult settled = staged.result().get();
                if (settled.status() == ImportResult.Status.DUPLICATE && settled.version().isPresent()
                        && repository.versionId(settled.version().get().versionId()).isEmpty()) {
                    return spendChanged(dataset, adopt(settled, dataset, teamTagKey));
                }
                return settled;
            }
            return spendChanged(dataset, publishRecorded(staged, dataset, teamTagKey, "usage.import"));
        }
    }

    /**
     * Budgets and policies are checked again once a new version of a dataset that counts toward budgets is
     * committed (the event is published after the transaction, so listeners read the new version).
     */
    private ImportResult spendChanged(String dataset, ImportResult result) {
        if (result.status() == ImportResult.Status.CREATED && repository.countsTowardBudgets(dataset)) {
            events.publishEvent(new SpendChanged("import"));
        }
        return result;
    }

    private ImportResult publishRecorded(StagedVersion staged, String dataset, String teamTagKey, String action) {
        VersionManifest m = staged.manifest().orElseThrow();
        ImportResult[] result = new ImportResult[1];
        try {
            tx.executeWithoutResult(status -> {
                long datasetId = repository.findDataset(dataset).map(DatasetSummary::id).orElseGet(() -> {
                    audit.record("usage.dataset.create", "dataset:" + dataset, null, Map.of("teamTagKey", teamTagKey));
                    return repository.insertDataset(dataset, null, teamTagKey, currentUser.actor());
                });
                long id = repository.insertVersion(datasetId, m, staged.report().warningCount());
                repository.insertParents(id, m.lineage().parents());
                audit.record(action, "dataset:" + dataset + "/version:" + m.versionId(), null, auditView(m));
                result[0] = staged.publish();
                if (result[0].status() != ImportResult.Status.CREATED) {
                    status.setRollbackOnly();
                    return;
                }
                store.quarantineFile(dataset, m.versionId()).ifPresent(q -> repository.insertQuarantine(id,
                        q.getFileName().toString(), m.quarantinedRows(), size(q)));
            });
        } catch (RuntimeException e) {
            if (result[0] != null && result[0].status() == ImportResult.Status.CREATED) {
                unpublish(dataset, m.versionId());
            }
            throw e;
        }
        return result[0];
    }

    /**
     * The same content is on disk but not in the database: files renamed into place by an import whose commit
     * never happened (a crash between the two), or left by another database on the same data folder. The files
     * are immutable and match byte for byte, so the version is recorded instead of being reported as a duplicate
     * of something no one can see.
     */
    private ImportResult adopt(ImportResult duplicate, String dataset, String teamTagKey) {
        VersionManifest m = duplicate.version().orElseThrow();
        tx.executeWithoutResult(status -> {
            long datasetId = repository.findDataset(dataset).map(DatasetSummary::id).orElseGet(() -> {
                audit.record("usage.dataset.create", "dataset:" + dataset, null, Map.of("teamTagKey", teamTagKey));
                return repository.insertDataset(dataset, null, teamTagKey, currentUser.actor());
            });
            long id = repository.insertVersion(datasetId, m, duplicate.report().warningCount());
            repository.insertParents(id, m.lineage().parents().stream()
                    .filter(p -> repository.versionId(p).isPresent()).toList());
            store.quarantineFile(dataset, m.versionId()).ifPresent(q -> repository.insertQuarantine(id,
                    q.getFileName().toString(), m.quarantinedRows(), size(q)));
            audit.record("usage.import.adopt", "dataset:" + dataset + "/version:" + m.versionId(), null, auditView(m));
        });
        return new ImportResult(ImportResult.Status.CREATED, duplicate.version(), duplicate.report());
    }

    private void unpublish(String dataset, String versionId) {
        try {
            store.unpublish(dataset, versionId);
        } catch (IOException e) {
            throw new UncheckedIOException("could not undo version " + versionId, e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> auditView(VersionManifest m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", m.versionId());
        view.put("transform", m.lineage().transform().name());
        view.put("source", m.lineage().sourceFileName());
        view.put("sourceSha256", m.lineage().sourceSha256());
        view.put("parents", m.lineage().parents());
        view.put("rows", m.rowCount());
        view.put("quarantinedRows", m.quarantinedRows());
        view.put("effectiveCost", m.totals().effectiveCost());
        return view;
    }

    /** Runs a query on a version; team-scoped users get only their teams' rows. */
    @PermitAll
    public QueryResult explore(String versionKey, UsageQuery query) {
        return query(versionKey, query);
    }

    private QueryResult query(String versionKey, UsageQuery query) {
        VersionSummary v = repository.version(versionKey).orElseThrow(() -> new IllegalArgumentException(
                "no version " + versionKey));
        UsageQuery scoped = scope(v.dataset(), query);
        return withTable(v, table -> engine.run(table, scoped));
    }

    private UsageQuery scope(String dataset, UsageQuery q) {
        if (currentUser.seesAllTeams()) {
            return q;
        }
        String key = repository.findDataset(dataset).map(DatasetSummary::teamTagKey).orElse("team");
        TeamScope scope = new TeamScope(key, repository.teamNames(currentUser.teamIds()));
        return new UsageQuery(q.from(), q.to(), q.dimensions(), q.tags(), scope, q.groupBy(), q.bucket(), q.metrics(),
                q.topN(), q.rankBy());
    }

    /** Distinct values of a dimension (or {@code tag:key}) in a version, for filter pickers. */
    @PermitAll
    public List<String> values(String versionKey, String dimension) {
        GroupKey key = dimension.startsWith("tag:") ? GroupKey.tag(dimension.substring(4)) : GroupKey.dimension(dimension);
        QueryResult r = query(versionKey, UsageQuery.builder().groupBy(key).sum(Metric.EFFECTIVE_COST).build());
        return r.rows().stream().map(row -> row.keys().getFirst()).filter(java.util.Objects::nonNull).sorted().toList();
    }

    /** Tag keys present in a version. */
    @PermitAll
    public List<String> tagKeys(String versionKey) {
        VersionSummary v = repository.version(versionKey).orElseThrow();
        return withTable(v, table -> engine.tagIndex(table).keys());
    }

    private <T> T withTable(VersionSummary v, Function<UsageTable, T> work) {
        try (BufferAllocator job = allocator.newChildAllocator("query-" + v.key(), 0, Long.MAX_VALUE);
             UsageTable table = store.open(v.dataset(), v.key(), job)) {
            return work.apply(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open version " + v.key(), e);
        }
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void moveTier(String versionKey, Tier tier) {
        VersionSummary v = repository.version(versionKey).orElseThrow();
        if (v.tier() == tier) {
            return;
        }
        tx.executeWithoutResult(status -> {
            repository.updateTier(versionKey, tier, clock.instant());
            audit.record("usage.tier", "dataset:" + v.dataset() + "/version:" + versionKey, Map.of("tier", v.tier()),
                    Map.of("tier", tier));
            try {
                if (tier == Tier.COLD) {
                    tiers.moveToCold(v.dataset(), versionKey);
                } else {
                    tiers.moveToHot(v.dataset(), versionKey);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not move " + versionKey + " to " + tier, e);
            }
        });
    }

    /** Moves every hot version created more than {@code days} days ago to the cold tier. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public List<String> applyTierRule(int days) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        List<String> moved = new java.util.ArrayList<>();
        for (DatasetSummary d : repository.datasets()) {
            for (VersionSummary v : repository.versions(d.name())) {
                if (v.tier() == Tier.HOT && v.createdAt().isBefore(cutoff)) {
                    moveTier(v.key(), Tier.COLD);
                    moved.add(v.key());
                }
            }
        }
        return moved;
    }

    public enum ExportFormat { ARROW, CSV }

    /** Writes a whole version; ADMIN and FINANCE only, since a version holds every team's rows. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void writeVersion(String versionKey, ExportFormat format, OutputStream out) {
        VersionSummary v = repository.version(versionKey).orElseThrow();
        withTable(v, table -> {
            try {
                if (format == ExportFormat.ARROW) {
                    VersionExport.writeArrowStream(table, out, allocator);
                } else {
                    VersionExport.writeCsv(table, out);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void writeQuarantine(String versionKey, OutputStream out) {
        VersionSummary v = repository.version(versionKey).orElseThrow();
        Path q = store.quarantineFile(v.dataset(), versionKey)
                .orElseThrow(() -> new IllegalArgumentException("version " + versionKey + " has no quarantined rows"));
        try {
            Files.copy(q, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Effective cost per value of a tag (e.g. {@code team}) in {@code [from, to)} on a dataset's newest version;
     * untagged rows are summed under {@code null}. Team scoping applies. For budgets and policies.
     */
    @PermitAll
    public Map<String, Double> spendByTag(String dataset, String tagKey, Instant from, Instant to) {
        String latest = latestVersion(dataset);
        QueryResult r = query(latest, UsageQuery.builder().between(from, to).groupBy(GroupKey.tag(tagKey))
                .sum(Metric.EFFECTIVE_COST).build());
        Map<String, Double> out = new LinkedHashMap<>();
        r.rows().forEach(row -> out.merge(row.keys().getFirst(), row.values()[0], Double::sum));
        return out;
    }

    /** {@link #spendByTag} by the dataset's team tag. */
    @PermitAll
    public Map<String, Double> spendByTeam(String dataset, Instant from, Instant to) {
        String key = repository.findDataset(dataset).orElseThrow().teamTagKey();
        return spendByTag(dataset, key, from, to);
    }

    /**
     * Appends metered usage (e.g. from a provider plugin's {@code meter}) to a dataset's newest version as a new
     * version with APPEND lineage. The rows are validated like an import; a rejection changes nothing.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public ImportResult appendUsage(String dataset, List<UsageRecord> rows, String source) {
        String parent = latestVersion(dataset);
        ImportResult r = transforms.append(dataset, parent, new UsageRecordSource(rows), source,
                ImportOptions.defaults(), currentUser.actor());
        if (r.status() != ImportResult.Status.CREATED) {
            return r;
        }
        VersionManifest m = r.version().orElseThrow();
        try {
            tx.executeWithoutResult(status -> {
                long datasetId = repository.findDataset(dataset).orElseThrow().id();
                long id = repository.insertVersion(datasetId, m, r.report().warningCount());
                repository.insertParents(id, m.lineage().parents());
                audit.record("usage.append", "dataset:" + dataset + "/version:" + m.versionId(), null, auditView(m));
            });
        } catch (RuntimeException e) {
            unpublish(dataset, m.versionId());
            throw e;
        }
        return spendChanged(dataset, r);
    }

    /**
     * Appends usage records to a dataset, creating it (with its first version made from the records) when it does
     * not exist or has no version yet. For Burnrate's own datasets, such as the metered usage of the resources it
     * provisioned: {@code countsTowardBudgets} is set when the dataset is created.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public ImportResult appendOrCreate(String dataset, String description, List<UsageRecord> rows, String source,
                                       String teamTagKey, boolean countsTowardBudgets) {
        if (repository.findDataset(dataset).map(d -> d.versions() > 0).orElse(false)) {
            return appendUsage(dataset, rows, source);
        }
        createDataset(dataset, description, teamTagKey, countsTowardBudgets);
        UsageRecordSource source0 = new UsageRecordSource(rows);
        Lineage lineage = new Lineage(Transform.IMPORT, source, null, source0.format(), List.of(), currentUser.actor(),
                clock.instant(), rows.size() + " rows");
        try (StagedVersion staged = store.stage(dataset, source0, lineage, ImportOptions.defaults())) {
            if (staged.result().isPresent()) {
                return staged.result().get();
            }
            return spendChanged(dataset, publishRecorded(staged, dataset, teamTagKey, "usage.import"));
        }
    }

    /** Creates an empty dataset unless one of that name exists; imports and appends then add versions to it. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void createDataset(String dataset, String description, String teamTagKey, boolean countsTowardBudgets) {
        if (!DatasetStore.isValidId(dataset)) {
            throw new IllegalArgumentException("A dataset name uses letters, digits, '.', '_' or '-' (at most 64)");
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

    private String latestVersion(String dataset) {
        return repository.versions(dataset).stream().reduce((a, b) -> b).map(VersionSummary::key)
                .orElseThrow(() -> new IllegalArgumentException("dataset " + dataset + " has no version"));
    }

    /** The newest version of a dataset, if any. */
    @PermitAll
    public Optional<VersionSummary> latest(String dataset) {
        List<VersionSummary> all = versions(dataset);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }
}
