package dev.burnrate.portal.usage;

import dev.burnrate.api.UsageRecord;
import dev.burnrate.engine.usage.ingest.ImportOptions;
import dev.burnrate.engine.usage.ingest.ImportProgress;
import dev.burnrate.engine.usage.ingest.SourceFormat;
import dev.burnrate.engine.usage.ingest.UsageRecordSource;
import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.FileImports;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.Lineage;
import dev.burnrate.engine.usage.store.StagedVersion;
import dev.burnrate.engine.usage.store.Transform;
import dev.burnrate.engine.usage.store.Transforms;
import dev.burnrate.engine.usage.validation.Rule;
import dev.burnrate.engine.usage.validation.Severity;
import dev.burnrate.engine.usage.validation.ValidationMode;
import dev.burnrate.engine.usage.validation.ValidationReport;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.metrics.OperationMetrics;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * New versions of usage data: file imports (ADMIN/FINANCE) and appended usage records such as metered usage
 * (ADMIN). Every new version is audited, and its files and database row appear together.
 */
@Service
public class UsageImportService {

    static final String DATASET_NAME_RULE = "A dataset name uses letters, digits, '.', '_' or '-' (at most 64)";

    private final UsageRepository repository;
    private final DatasetStore store;
    private final FileImports imports;
    private final Transforms transforms;
    private final VersionRecorder recorder;
    private final VersionTables tables;
    private final UsageDatasetService datasets;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final OperationMetrics metrics;

    public UsageImportService(UsageRepository repository, DatasetStore store, FileImports imports,
                              Transforms transforms, VersionRecorder recorder, VersionTables tables,
                              UsageDatasetService datasets, CurrentUser currentUser, AuditService audit,
                              Clock clock, OperationMetrics metrics) {
        this.repository = repository;
        this.store = store;
        this.imports = imports;
        this.transforms = transforms;
        this.recorder = recorder;
        this.tables = tables;
        this.datasets = datasets;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Refuses (AccessDeniedException) unless the user may import: callers that receive a large upload ask before
     * they read it, so a user without the right never has their file streamed to disk.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public void checkMayImport() {
        // the method's roles are the check
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
        return importFile(dataset, file, originalName, mode, Map.of(), teamTagKey, progress);
    }

    /**
     * As {@link #importFile(String, Path, String, ValidationMode, String, ImportProgress)} with per-rule
     * severities for this import (e.g. not-null as an error to quarantine rows with nulls FOCUS forbids, or
     * non-negative as a warning in strict mode); fatal problems cannot be downgraded. A rejected import stores
     * nothing and is audited with its reason.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.FINANCE})
    public ImportResult importFile(String dataset, Path file, String originalName, ValidationMode mode,
                                   Map<Rule, Severity> severities, String teamTagKey, ImportProgress progress) {
        return metrics.timeImport(() -> timedImport(dataset, file, originalName, mode, severities, teamTagKey,
                progress), result -> result.status().name());
    }

    private ImportResult timedImport(String dataset, Path file, String originalName, ValidationMode mode,
                                     Map<Rule, Severity> severities, String teamTagKey, ImportProgress progress) {
        if (!DatasetStore.isValidId(dataset)) {
            throw new IllegalArgumentException(DATASET_NAME_RULE);
        }
        SourceFormat format;
        try {
            format = SourceFormat.detect(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportOptions options = ImportOptions.defaults().withMode(mode);
        for (Map.Entry<Rule, Severity> e : severities.entrySet()) {
            options = options.withSeverity(e.getKey(), e.getValue());
        }
        try (StagedVersion staged = imports.stage(dataset, file, originalName, format, options, currentUser.actor(),
                progress)) {
            if (staged.result().isPresent()) {
                ImportResult settled = staged.result().get();
                if (settled.status() == ImportResult.Status.REJECTED) {
                    auditRejection(dataset, originalName, options, settled.report());
                    return settled;
                }
                if (settled.status() == ImportResult.Status.DUPLICATE && settled.version().isPresent()
                        && repository.versionId(settled.version().get().versionId()).isEmpty()) {
                    return recorder.spendChanged(dataset, recorder.adopt(settled, dataset, teamTagKey));
                }
                return settled;
            }
            return recorder.spendChanged(dataset, recorder.publish(staged, dataset, teamTagKey, "usage.import"));
        }
    }

    /** A rejected import changes no data, but an admin or finance user tried to: the attempt is audited. */
    private void auditRejection(String dataset, String originalName, ImportOptions options, ValidationReport report) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("file", originalName);
        attempt.put("mode", options.mode().name());
        if (!options.severityOverrides().isEmpty()) {
            Map<String, String> severities = new LinkedHashMap<>();
            options.severityOverrides().forEach((rule, severity) -> severities.put(rule.id(), severity.name()));
            attempt.put("severities", severities);
        }
        attempt.put("rowsRead", report.rowsRead());
        attempt.put("errors", report.errorCount());
        attempt.put("reason", report.rejectionReason());
        audit.record("usage.import.reject", "dataset:" + dataset, null, attempt);
    }

    /**
     * Appends metered usage (e.g. from a provider plugin's {@code meter}) to a dataset's newest version as a new
     * version with APPEND lineage. The rows are validated like an import; a rejection changes nothing.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public ImportResult appendUsage(String dataset, List<UsageRecord> rows, String source) {
        String parent = tables.latestVersion(dataset);
        ImportResult r = transforms.append(dataset, parent, new UsageRecordSource(rows), source,
                ImportOptions.defaults(), currentUser.actor());
        if (r.status() != ImportResult.Status.CREATED) {
            return r;
        }
        recorder.recordPublished(dataset, r, "usage.append");
        return recorder.spendChanged(dataset, r);
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
        datasets.createDataset(dataset, description, teamTagKey, countsTowardBudgets);
        UsageRecordSource records = new UsageRecordSource(rows);
        Lineage lineage = new Lineage(Transform.IMPORT, source, null, records.format(), List.of(), currentUser.actor(),
                clock.instant(), rows.size() + " rows");
        try (StagedVersion staged = store.stage(dataset, records, lineage, ImportOptions.defaults())) {
            if (staged.result().isPresent()) {
                return staged.result().get();
            }
            return recorder.spendChanged(dataset, recorder.publish(staged, dataset, teamTagKey, "usage.import"));
        }
    }
}
