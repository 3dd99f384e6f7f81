package dev.burnrate.portal.usagesource;

import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageSourceException;
import dev.burnrate.engine.usage.store.ImportResult;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.usage.UsageImportService;
import dev.burnrate.portal.usagesource.UsageSourceRun.Status;
import dev.burnrate.portal.usagesource.UsageSourceRun.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one usage source: fetches its batch, imports the rows as one new version of the target dataset (the usage
 * import's own all-or-nothing append, validated and audited like any import), then lets the source remember the
 * batch. A batch that was not stored is not acknowledged, so the next run fetches it again. Each run holds the
 * source's lock in the database, so a scheduled run and "Run now" (or two portals) never run one source at once;
 * its outcome is kept in the run history and the audit log.
 */
@Component
public class UsageSourceRunner {
    private static final Logger log = LoggerFactory.getLogger(UsageSourceRunner.class);
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

    private final AvailableUsageSources sources;
    private final UsageSourceRepository repository;
    private final UsageImportService imports;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LockingTaskExecutor locks;

    public UsageSourceRunner(AvailableUsageSources sources, UsageSourceRepository repository,
                             UsageImportService imports, AuditService audit, CurrentUser currentUser,
                             TransactionTemplate tx, Clock clock, LockProvider lockProvider) {
        this.sources = sources;
        this.repository = repository;
        this.imports = imports;
        this.audit = audit;
        this.currentUser = currentUser;
        this.tx = tx;
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
    }

    /** Runs the source now; empty when another run of it (here or in another portal) holds its lock. */
    public Optional<UsageSourceRun> run(UsageSourceConfig config, Trigger trigger) {
        return locked(config.sourceId(), () -> runLocked(config, trigger));
    }

    /**
     * Runs a source for the schedule if, once its lock is held, it is still configured, enabled and due: a run
     * that finished a moment ago (Run now, another portal) makes it not due, so it never runs twice in a row.
     */
    public Optional<UsageSourceRun> runIfDue(String sourceId) {
        return locked(sourceId, () -> repository.config(sourceId)
                .filter(c -> UsageSourceSchedule.isDue(c, repository.lastStart(sourceId), clock))
                .map(c -> runLocked(c, Trigger.SCHEDULE)).orElse(null));
    }

    private Optional<UsageSourceRun> locked(String sourceId, LockingTaskExecutor.TaskWithResult<UsageSourceRun> task) {
        LockConfiguration lock = new LockConfiguration(clock.instant(), lockName(sourceId), LOCK_AT_MOST,
                Duration.ZERO);
        try {
            LockingTaskExecutor.TaskResult<UsageSourceRun> result = locks.executeWithLock(task, lock);
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The source's lock in {@code job_locks} (names up to 64 characters; a long id is shortened with its hash). */
    static String lockName(String sourceId) {
        String name = "usage-source:" + sourceId;
        return name.length() <= 64 ? name
                : "usage-source:" + sourceId.substring(0, 40) + "#" + Integer.toHexString(sourceId.hashCode());
    }

    private UsageSourceRun runLocked(UsageSourceConfig config, Trigger trigger) {
        Instant started = clock.instant();
        Outcome outcome = fetchAndImport(config);
        return tx.execute(s -> {
            UsageSourceRun run = repository.insertRun(new UsageSourceRun(0, config.sourceId(), trigger, started,
                    clock.instant(), outcome.status, outcome.rows, outcome.versionKey, outcome.message,
                    currentUser.actor()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("trigger", trigger.name());
            entry.put("dataset", config.dataset());
            entry.put("status", outcome.status.name());
            entry.put("rows", outcome.rows);
            if (outcome.versionKey != null) {
                entry.put("version", outcome.versionKey);
            }
            entry.put("message", run.message());
            audit.record("usage.source.run", "usage-source:" + config.sourceId(), null, entry);
            return run;
        });
    }

    private record Outcome(Status status, long rows, String versionKey, String message) {
    }

    private Outcome fetchAndImport(UsageSourceConfig config) {
        Optional<AvailableUsageSources.Found> found = sources.find(config.sourceId());
        if (found.isEmpty()) {
            return new Outcome(Status.FAILED, 0, null, "The source '" + config.sourceId()
                    + "' is not available: its plugin (" + config.pluginId() + ") is not installed or not started.");
        }
        var source = found.get().source();
        UsageBatch batch;
        try {
            batch = source.fetchUsage();
        } catch (UsageSourceException e) {
            return new Outcome(Status.FAILED, 0, null, "The source could not deliver usage: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Usage source {} failed", config.sourceId(), e);
            return new Outcome(Status.FAILED, 0, null, "The source failed: " + describe(e));
        }
        if (batch == null) {
            return new Outcome(Status.FAILED, 0, null, "The source answered with no batch (null).");
        }
        Outcome imported = importBatch(config, batch);
        if (!imported.status.delivered()) {
            return imported;
        }
        if (batch.isEmpty()) {
            return imported;
        }
        try {
            source.acknowledge(batch);
            return imported;
        } catch (RuntimeException e) {
            log.warn("Usage source {} failed to acknowledge its batch", config.sourceId(), e);
            return new Outcome(imported.status, imported.rows, imported.versionKey, imported.message
                    + " The source failed to remember the batch (" + describe(e)
                    + "); its next run may deliver these rows again.");
        }
    }

    private Outcome importBatch(UsageSourceConfig config, UsageBatch batch) {
        int rows = batch.records().size();
        if (rows == 0) {
            return new Outcome(Status.NOTHING_NEW, 0, null, "Nothing new (" + batch.description() + ").");
        }
        ImportResult result;
        try {
            result = imports.appendOrCreate(config.dataset(), "Usage from source " + config.sourceId(),
                    batch.records(), "usage-source " + config.sourceId() + ": " + batch.description(), "team", true);
        } catch (RuntimeException e) {
            log.warn("Import of usage source {} into {} failed", config.sourceId(), config.dataset(), e);
            return new Outcome(Status.FAILED, rows, null, "The import failed and stored nothing: " + describe(e));
        }
        return switch (result.status()) {
            case CREATED -> new Outcome(Status.IMPORTED, rows, result.version().orElseThrow().versionId(),
                    "Imported " + rows + " rows (" + batch.description() + ").");
            case DUPLICATE -> new Outcome(Status.DUPLICATE, rows, result.version().map(v -> v.versionId())
                    .orElse(null), "The rows equal the dataset's newest version; nothing new was stored.");
            case REJECTED -> new Outcome(Status.REJECTED, rows, null, "The rows were rejected and nothing was "
                    + "stored: " + result.report().rejectionReason());
        };
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
