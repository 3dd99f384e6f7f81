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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** The scan after a spend change runs on the work pool: the caller neither waits for it nor sees it fail. */
class SpendChangeScanTest {

    private final BackgroundWork work = new BackgroundWork(new WorkProperties(1, 4));
    private final TransactionTemplate tx = mock(TransactionTemplate.class);
    private final ContinuousEvaluationJob job = new ContinuousEvaluationJob(mock(ActivePolicies.class),
            mock(ContinuousEvaluator.class), mock(PolicySubjects.class), mock(BudgetFigures.class),
            mock(AlertRepository.class), mock(NotificationService.class), mock(WebhookService.class), tx,
            Clock.systemUTC(), work);

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
}
