package dev.burnrate.portal.usage;

import dev.burnrate.engine.usage.store.DatasetStore;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.engine.usage.store.StagedVersion;
import dev.burnrate.engine.usage.store.VersionManifest;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.security.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records new versions in the database next to their files, audited, so that files and row appear together or
 * not at all; and tells budgets when spend changed. Package-private: {@link UsageImportService} authorises.
 */
@Component
class VersionRecorder {

    private static final Logger log = LoggerFactory.getLogger(VersionRecorder.class);

    private final UsageRepository repository;
    private final DatasetStore store;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    VersionRecorder(UsageRepository repository, DatasetStore store, CurrentUser currentUser, AuditService audit,
                    TransactionTemplate tx, ApplicationEventPublisher events) {
        this.repository = repository;
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
    }

    /**
     * Budgets and policies are checked again once a new version of a dataset that counts toward budgets is
     * committed (the event is published after the transaction, so listeners read the new version). The version is
     * stored by then: a listener that fails is logged and never turns the import into a reported failure.
     */
    ImportResult spendChanged(String dataset, ImportResult result) {
        if (result.status() == ImportResult.Status.CREATED && repository.countsTowardBudgets(dataset)) {
            try {
                events.publishEvent(new SpendChanged("import"));
            } catch (RuntimeException e) {
                log.error("Version {} of {} is stored, but telling budgets and policies about it failed; the next"
                        + " scheduled scan picks it up", result.version().map(VersionManifest::versionId)
                        .orElse("?"), dataset, e);
            }
        }
        return result;
    }

    /**
     * Records a staged version (creating its dataset with the team tag key on first use) and publishes its files
     * as the last step of the transaction; a failure after publishing takes the files back.
     */
    ImportResult publish(StagedVersion staged, String dataset, String teamTagKey, String action) {
        VersionManifest m = staged.manifest().orElseThrow();
        ImportResult[] result = new ImportResult[1];
        try {
            tx.executeWithoutResult(status -> {
                long datasetId = datasetIdCreatingIt(dataset, teamTagKey);
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
    ImportResult adopt(ImportResult duplicate, String dataset, String teamTagKey) {
        VersionManifest m = duplicate.version().orElseThrow();
        tx.executeWithoutResult(status -> {
            long datasetId = datasetIdCreatingIt(dataset, teamTagKey);
            long id = repository.insertVersion(datasetId, m, duplicate.report().warningCount());
            repository.insertParents(id, m.lineage().parents().stream()
                    .filter(p -> repository.versionId(p).isPresent()).toList());
            store.quarantineFile(dataset, m.versionId()).ifPresent(q -> repository.insertQuarantine(id,
                    q.getFileName().toString(), m.quarantinedRows(), size(q)));
            audit.record("usage.import.adopt", "dataset:" + dataset + "/version:" + m.versionId(), null, auditView(m));
        });
        return new ImportResult(ImportResult.Status.CREATED, duplicate.version(), duplicate.report());
    }

    /** Records a version the engine already published (an append); a failure takes its files back. */
    void recordPublished(String dataset, ImportResult created, String action) {
        VersionManifest m = created.version().orElseThrow();
        try {
            tx.executeWithoutResult(status -> {
                long datasetId = repository.findDataset(dataset).orElseThrow().id();
                long id = repository.insertVersion(datasetId, m, created.report().warningCount());
                repository.insertParents(id, m.lineage().parents());
                audit.record(action, "dataset:" + dataset + "/version:" + m.versionId(), null, auditView(m));
            });
        } catch (RuntimeException e) {
            unpublish(dataset, m.versionId());
            throw e;
        }
    }

    private long datasetIdCreatingIt(String dataset, String teamTagKey) {
        return repository.findDataset(dataset).map(DatasetSummary::id).orElseGet(() -> {
            audit.record("usage.dataset.create", "dataset:" + dataset, null, Map.of("teamTagKey", teamTagKey));
            return repository.insertDataset(dataset, null, teamTagKey, currentUser.actor());
        });
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
}
