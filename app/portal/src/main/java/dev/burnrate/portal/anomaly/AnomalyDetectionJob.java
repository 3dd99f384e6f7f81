package dev.burnrate.portal.anomaly;

import static dev.burnrate.portal.db.Tables.ANOMALY_MONITORS;

import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.continuous.Alert;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.budget.Money;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.notification.AlertRepository;
import dev.burnrate.portal.notification.NotificationService;
import dev.burnrate.portal.notification.WebhookService;
import dev.burnrate.portal.security.SystemRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds cost anomalies for every enabled monitor: after each import that changed spend and on a schedule, always
 * under the job's lock in the database, so two portals never detect at once. A new anomaly in the last
 * {@code recent-days} of a series, of a cause nobody gave feedback on, raises an alert: a notification for the team
 * and its webhook. Older ones (a first run, a backfilled export) are listed without alerting anyone: nobody needs a
 * page for last quarter's spike. One whose cause was marked expected or a false alarm is stored with that status.
 */
@Component
public class AnomalyDetectionJob {

    static final String LOCK = "anomaly-detection";
    private static final Logger log = LoggerFactory.getLogger(AnomalyDetectionJob.class);

    private final AnomalyRepository anomalies;
    private final SpendSeriesReader reader;
    private final PointScorer scorer;
    private final AlertRepository alerts;
    private final NotificationService notifications;
    private final WebhookService webhooks;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BackgroundWork work;
    private final DefaultLockingTaskExecutor locks;
    private final AnomalyFinder finder;
    private final Duration recent;
    private final AtomicBoolean queued = new AtomicBoolean();

    public AnomalyDetectionJob(AnomalyRepository anomalies, SpendSeriesReader reader, PointScorer scorer,
                               AlertRepository alerts, NotificationService notifications, WebhookService webhooks,
                               TransactionTemplate tx, Clock clock, BackgroundWork work, LockProvider lockProvider,
                               @Value("${burnrate.anomalies.score-threshold:0.99}") double scoreThreshold,
                               @Value("${burnrate.anomalies.recent-days:7}") int recentDays) {
        this.anomalies = anomalies;
        this.reader = reader;
        this.scorer = scorer;
        this.alerts = alerts;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.tx = tx;
        this.clock = clock;
        this.work = work;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.finder = new AnomalyFinder(scoreThreshold);
        this.recent = Duration.ofDays(recentDays);
    }

    @Scheduled(fixedDelayString = "${burnrate.anomalies.scan-ms:3600000}", initialDelay = 60_000)
    @SchedulerLock(name = LOCK)
    void scheduled() {
        detect();
    }

    /** After an import commits, detects in the background under the job lock; changes while queued share a run. */
    @TransactionalEventListener(fallbackExecution = true)
    void onSpendChanged(SpendChanged event) {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            work.submit("anomaly detection after a spend change", () -> {
                queued.set(false);
                try {
                    detectUnderLock();
                } catch (RuntimeException e) {
                    log.error("Anomaly detection after a spend change ({}) failed; the scheduled run tries again",
                            event.source(), e);
                }
            });
        } catch (BackgroundWork.Busy busy) {
            queued.set(false);
            log.warn("Spend changed ({}) but anomaly detection could not be queued: {}", event.source(),
                    busy.getMessage());
        }
    }

    /** Detects now, waiting for nobody: when another portal holds the lock it runs there, and this does nothing. */
    public void detectUnderLock() {
        Instant now = clock.instant();
        locks.executeWithLock((Runnable) this::detect,
                new LockConfiguration(now, LOCK, Duration.ofMinutes(30), Duration.ZERO));
    }

    /** One detection run over every enabled monitor; returns the anomalies it stored. */
    public synchronized List<Long> detect() {
        return SystemRunner.callAsSystem(() -> {
            List<Monitor> monitors = tx.execute(s -> anomalies.monitors(ANOMALY_MONITORS.ENABLED.isTrue()));
            Map<String, List<Monitor>> byTeam = monitors.stream()
                    .collect(Collectors.groupingBy(Monitor::team, LinkedHashMap::new, Collectors.toList()));
            List<Long> stored = new ArrayList<>();
            byTeam.forEach((team, teamMonitors) -> {
                List<SeriesSet> sets = reader.read(team).stream().map(u -> u.scoredBy(scorer)).toList();
                for (Monitor monitor : teamMonitors) {
                    for (SeriesSet set : sets) {
                        List<FoundAnomaly> found = finder.find(monitor, set);
                        Instant alertFrom = set.parents().end().minus(recent);
                        stored.addAll(tx.execute(s -> store(found, alertFrom)));
                    }
                }
            });
            return stored;
        });
    }

    private List<Long> store(List<FoundAnomaly> found, Instant alertFrom) {
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (FoundAnomaly anomaly : found) {
            Optional<AnomalyRepository.Feedback> feedback =
                    anomalies.feedback(anomaly.monitorId(), anomaly.seriesLabel(), anomaly.causeKey());
            anomalies.insertIfNew(anomaly, feedback, now).ifPresent(id -> {
                ids.add(id);
                if (feedback.isEmpty() && !anomaly.periodStart().isBefore(alertFrom)) {
                    raise(id, anomaly, now);
                }
            });
        }
        return ids;
    }

    static String alertKey(String anomalyKey) {
        return "anomaly:" + anomalyKey;
    }

    private void raise(long anomalyId, FoundAnomaly anomaly, Instant now) {
        String impact = Money.of(anomaly.impact().doubleValue(), anomaly.currency())
                + (anomaly.impactPercent() == null ? "" : " (+" + anomaly.impactPercent() + "%)");
        String cause = anomaly.causes().isEmpty() ? "" : "; top cause " + anomaly.causes().getFirst().dimension()
                + " " + anomaly.causes().getFirst().value();
        String message = anomaly.seriesLabel() + " spent " + impact + " more than expected on "
                + anomaly.periodStart().toString().substring(0, 10) + cause;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("anomalyId", anomalyId);
        evidence.put("expected", anomaly.expected().toPlainString());
        evidence.put("actual", anomaly.actual().toPlainString());
        evidence.put("currency", anomaly.currency());
        evidence.put("causes", anomaly.causes().stream().map(RootCause::key).toList());
        Alert alert = new Alert(alertKey(anomaly.key()), Alert.Kind.ANOMALY, Outcome.WARN, null, null, null, null,
                "anomaly:" + anomalyId, message, evidence);
        long alertId = alerts.raise(alert, anomaly.teamId(), now);
        notifications.send(notifications.alertRecipients(anomaly.teamId(), false), "anomaly", "Cost anomaly: "
                + impact, message, "anomalies", alertId);
        webhooks.enqueue(anomaly.teamId(), alertId, Map.of("id", alertId, "key", alert.key(), "kind", "ANOMALY",
                "severity", "WARN", "subject", alert.resource(), "message", message, "evidence", evidence,
                "raisedAt", now.toString()));
    }
}
