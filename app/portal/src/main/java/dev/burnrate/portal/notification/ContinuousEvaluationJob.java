package dev.burnrate.portal.notification;

import dev.burnrate.engine.policy.continuous.Alert;
import dev.burnrate.engine.policy.continuous.ContinuousEvaluator;
import dev.burnrate.engine.policy.continuous.ScanResult;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.policy.PolicySubjects;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Continuous evaluation: on a schedule and whenever spend data changes, checks running resources and budgets
 * against the enabled policies, stores alerts not raised before, notifies the team (and finance for budgets),
 * queues team webhooks, and resolves alerts whose problem is gone. One scan at a time, also across portals that
 * share a database: the scan after a spend change takes the scheduled scan's job lock ({@value #LOCK}) too.
 */
@Component
public class ContinuousEvaluationJob {

    private static final Logger log = LoggerFactory.getLogger(ContinuousEvaluationJob.class);
    static final String LOCK = "policy-scan";

    private final ActivePolicies policies;
    private final ContinuousEvaluator evaluator;
    private final PolicySubjects subjects;
    private final BudgetFigures budgets;
    private final AlertRepository alerts;
    private final NotificationService notifications;
    private final WebhookService webhooks;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BackgroundWork work;
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    /** Spend changed since the last scan began: a scan is owed, by whichever portal holds the lock next. */
    private final AtomicBoolean scanOwed = new AtomicBoolean();
    private final LockProvider locks;
    private final Duration lockAtMostFor;

    public ContinuousEvaluationJob(ActivePolicies policies, ContinuousEvaluator evaluator, PolicySubjects subjects,
                                   BudgetFigures budgets, AlertRepository alerts, NotificationService notifications,
                                   WebhookService webhooks, TransactionTemplate tx, Clock clock,
                                   BackgroundWork work, LockProvider locks,
                                   @Value("${burnrate.jobs.lock-at-most-for:PT5M}") Duration lockAtMostFor) {
        this.locks = locks;
        this.lockAtMostFor = lockAtMostFor;
        this.policies = policies;
        this.evaluator = evaluator;
        this.subjects = subjects;
        this.budgets = budgets;
        this.alerts = alerts;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.tx = tx;
        this.clock = clock;
        this.work = work;
    }

    @Scheduled(fixedDelayString = "${burnrate.policies.scan-ms:300000}", initialDelay = 30_000)
    @SchedulerLock(name = LOCK)
    void scheduled() {
        scan();
    }

    /**
     * Runs a scan owed to a spend change that found the lock taken (another portal was scanning, maybe on figures
     * read before the change was committed). Takes the lock every {@code burnrate.policies.owed-scan-ms}, scans only
     * when a scan is owed.
     */
    @Scheduled(fixedDelayString = "${burnrate.policies.owed-scan-ms:30000}", initialDelay = 30_000)
    @SchedulerLock(name = LOCK)
    void owedScan() {
        if (scanOwed.get()) {
            scan();
        }
    }

    /**
     * Scans again once spend data changed, after the change is committed and never in the caller's thread (a UI
     * request or an import): the scan reads every budget and may take seconds, and its failure must not turn a
     * stored change into a reported failure. Changes that arrive while a scan waits for a thread share that scan.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onSpendChanged(SpendChanged event) {
        scanOwed.set(true);
        if (!scanQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            work.submit("the policy scan after a spend change", () -> {
                scanQueued.set(false);
                scanAfter(event);
            });
        } catch (BackgroundWork.Busy busy) {
            scanQueued.set(false);
            log.warn("Spend changed ({}) but no scan could be queued: {} The scheduled scan picks it up.",
                    event.source(), busy.getMessage());
        }
    }

    private void scanAfter(SpendChanged event) {
        try {
            Optional<Integer> raised = scanUnderLock();
            if (raised.isEmpty()) {
                log.debug("Spend changed ({}): a scan runs elsewhere; this one is owed", event.source());
            } else {
                log.debug("Spend changed ({}): scanned, {} new alert(s)", event.source(), raised.get());
            }
        } catch (RuntimeException e) {
            log.error("The policy scan after a spend change ({}) failed; the change itself is stored and the next"
                    + " scheduled scan tries again", event.source(), e);
        }
    }

    /**
     * Runs one scan under the job lock, as the scheduled scan does; returns the number of new alerts, or nothing
     * when another portal (or the schedule) holds the lock: then the scan stays owed ({@link #owedScan}).
     */
    public Optional<Integer> scanUnderLock() {
        scanOwed.set(true);
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), LOCK, lockAtMostFor,
                Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(scan());
        } finally {
            lock.get().unlock();
        }
    }

    /**
     * Runs one scan; returns the number of new alerts. Callers hold the job lock ({@value #LOCK}) but tests, which
     * run one portal, may call it directly.
     */
    public synchronized int scan() {
        // cleared before reading: a change committed while this scan reads is owed another one
        scanOwed.set(false);
        Integer raised = tx.execute(status -> {
            Instant now = clock.instant();
            ScanResult result = evaluator.scan(policies.load(), subjects.inventory(), budgets, alerts.openKeys());
            for (Alert alert : result.newAlerts()) {
                raise(alert, now);
            }
            alerts.resolveAllBut(result.activeKeys(), now);
            return result.newAlerts().size();
        });
        return raised == null ? 0 : raised;
    }

    private void raise(Alert alert, Instant now) {
        Long teamId = alerts.teamId(alert.team()).orElse(null);
        long id = alerts.raise(alert, teamId, now);
        boolean budget = alert.kind() == Alert.Kind.BUDGET_THRESHOLD;
        String title = (budget ? "Budget alert: " : "Policy violation: ") + alert.severity().name().toLowerCase()
                .replace('_', ' ');
        notifications.send(notifications.alertRecipients(teamId, budget), budget ? "budget" : "policy", title,
                alert.message(), budget ? "budgets" : "resources", id);
        if (teamId != null) {
            webhooks.enqueue(teamId, id, Map.of(
                    "id", id, "key", alert.key(), "kind", alert.kind().name(), "severity", alert.severity().name(),
                    "team", alert.team(), "subject", alert.resource(), "message", alert.message(),
                    "policy", alert.policy() == null ? "" : alert.policy().toString(),
                    "evidence", alert.evidence(), "raisedAt", now.toString()));
        }
    }
}
