package dev.burnrate.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.engine.policy.continuous.ContinuousEvaluator;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.WorkProperties;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.budget.SpendChanged;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.policy.PolicySubjects;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scan after a spend change runs on the work pool: the caller neither waits for it nor sees it fail. It takes
 * the scheduled scan's job lock, so two portals on one database never scan at once; a change that finds the lock
 * taken is owed a scan, which the next holder of the lock runs.
 */
class SpendChangeScanTest {

    /** The job lock table of a database shared by several portals: a held name is refused until unlocked. */
    static final class SharedLocks implements LockProvider {
        final Set<String> held = ConcurrentHashMap.newKeySet();
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public Optional<SimpleLock> lock(LockConfiguration config) {
            asked.add(config.getName());
            return held.add(config.getName()) ? Optional.of(() -> held.remove(config.getName())) : Optional.empty();
        }
    }

    private final BackgroundWork work = new BackgroundWork(new WorkProperties(1, 4));
    private final TransactionTemplate tx = mock(TransactionTemplate.class);
    private final SharedLocks locks = new SharedLocks();
    private final ContinuousEvaluationJob job = new ContinuousEvaluationJob(mock(ActivePolicies.class),
            mock(ContinuousEvaluator.class), mock(PolicySubjects.class), mock(BudgetFigures.class),
            mock(AlertRepository.class), mock(NotificationService.class), mock(WebhookService.class), tx,
            Clock.systemUTC(), work, locks, Duration.ofMinutes(5));

    @AfterEach
    void stop() throws InterruptedException {
        work.destroy();
    }

    @Test
    void aFailingScanNeitherRunsInNorFailsTheCallersThread() throws InterruptedException {
        CountDownLatch scanned = new CountDownLatch(1);
        AtomicReference<String> scanThread = new AtomicReference<>();
        when(tx.execute(any())).thenAnswer(call -> {
            scanThread.set(Thread.currentThread().getName());
            scanned.countDown();
            throw new IllegalStateException("policy scan broke");
        });

        assertThatCode(() -> job.onSpendChanged(new SpendChanged("import"))).doesNotThrowAnyException();

        assertThat(scanned.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(scanThread.get()).startsWith("burnrate-work-").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void changesWhileAScanWaitsShareThatScan() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        work.submit("a blocker", () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch scans = new CountDownLatch(2);
        when(tx.execute(any())).thenAnswer(call -> {
            scans.countDown();
            return 0;
        });

        for (int i = 0; i < 5; i++) {
            job.onSpendChanged(new SpendChanged("metering"));
        }
        assertThat(work.pending()).isEqualTo(2);
        release.countDown();
        // One thread, first in first out: once this has run, every scan queued before it has too.
        work.submit("a marker", () -> "done").get(10, TimeUnit.SECONDS);

        assertThat(scans.getCount()).as("one scan for five changes").isEqualTo(1);
    }

    @Test
    void theScanAfterAChangeTakesTheScheduledScansLockAndGivesItBack() throws Exception {
        CountDownLatch scanned = new CountDownLatch(1);
        AtomicReference<Set<String>> heldWhileScanning = new AtomicReference<>();
        when(tx.execute(any())).thenAnswer(call -> {
            heldWhileScanning.set(Set.copyOf(locks.held));
            scanned.countDown();
            return 0;
        });

        job.onSpendChanged(new SpendChanged("import"));

        assertThat(scanned.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(heldWhileScanning.get()).containsExactly(ContinuousEvaluationJob.LOCK);
        work.submit("a marker", () -> "done").get(10, TimeUnit.SECONDS);
        assertThat(locks.held).isEmpty();
    }

    @Test
    void whileAnotherPortalScansAChangeIsOwedAndScannedByTheNextHolderOfTheLock() throws Exception {
        AtomicReference<Integer> scans = new AtomicReference<>(0);
        when(tx.execute(any())).thenAnswer(call -> {
            scans.getAndUpdate(n -> n + 1);
            return 0;
        });
        locks.held.add(ContinuousEvaluationJob.LOCK); // the other portal's scan

        job.onSpendChanged(new SpendChanged("import"));
        work.submit("a marker", () -> "done").get(10, TimeUnit.SECONDS);
        assertThat(locks.asked).contains(ContinuousEvaluationJob.LOCK);
        assertThat(scans.get()).as("no scan while the other portal holds the lock").isZero();

        locks.held.remove(ContinuousEvaluationJob.LOCK);
        job.owedScan(); // as the schedule calls it, under the lock
        assertThat(scans.get()).isEqualTo(1);
        job.owedScan();
        assertThat(scans.get()).as("nothing owed any more").isEqualTo(1);
    }
}
