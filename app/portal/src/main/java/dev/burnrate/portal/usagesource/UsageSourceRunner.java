package dev.burnrate.portal.usagesource;

import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one usage source ({@link UsageSourceImport}: one whole-or-nothing import) while holding the source's lock in
 * the database, so a scheduled run and "Run now" (or two portals) never run one source at once, and keeps the
 * outcome in the run history and the audit log.
 */
@Component
public class UsageSourceRunner {
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

    private final UsageSourceRepository repository;
    private final UsageSourceImport imports;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LockingTaskExecutor locks;

    public UsageSourceRunner(UsageSourceRepository repository, UsageSourceImport imports, AuditService audit,
                             CurrentUser currentUser, TransactionTemplate tx, Clock clock, LockProvider lockProvider) {
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
        UsageSourceImport.Outcome outcome = imports.run(config);
        return tx.execute(s -> {
            UsageSourceRun run = repository.insertRun(new UsageSourceRun(0, config.sourceId(), trigger, started,
                    clock.instant(), outcome.status(), outcome.rows(), outcome.versionKey(), outcome.message(),
                    currentUser.actor()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("trigger", trigger.name());
            entry.put("dataset", config.dataset());
            entry.put("status", outcome.status().name());
            entry.put("rows", outcome.rows());
            if (outcome.versionKey() != null) {
                entry.put("version", outcome.versionKey());
            }
            entry.put("message", run.message());
            audit.record("usage.source.run", "usage-source:" + config.sourceId(), null, entry);
            return run;
        });
    }
}
