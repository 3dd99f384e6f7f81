package dev.burnrate.portal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A view's task hands its result to the page, and leaving the page cancels it: a waiting task never runs, a running
 * one stops at its next check, and neither touches the page afterwards.
 */
class ViewTaskTest {

    private final BackgroundWork work = new BackgroundWork(new WorkProperties(1, 4));
    private final ReentrantLock lock = new ReentrantLock();
    private final UI ui = new UI();
    private final Div view = new Div();
    private final List<String> shown = new CopyOnWriteArrayList<>();
    private final AtomicInteger cleanups = new AtomicInteger();
    private VaadinSession session;

    @BeforeEach
    void attachView() {
        session = new VaadinSession(mock(VaadinService.class)) {
            @Override
            public Lock getLockInstance() {
                return lock;
            }

            @Override
            public boolean hasLock() {
                return lock.isHeldByCurrentThread();
            }

            @Override
            public Future<Void> access(Command command) {
                inLock(command);
                return CompletableFuture.completedFuture(null);
            }
        };
        inLock(() -> {
            ui.getInternals().setSession(session);
            ui.add(view);
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        work.destroy();
    }

    @Test
    void theResultReachesThePageThroughTheUi() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch cleaned = new CountDownLatch(1);
        inLock(() -> ViewTask.start(view, work, "a sum", task -> {
            task.show(() -> shown.add("progress, locked: " + lock.isHeldByCurrentThread()));
            return 6 * 7;
        }, result -> {
            shown.add("result " + result + ", locked: " + lock.isHeldByCurrentThread());
            done.countDown();
        }, e -> shown.add("failed " + e), () -> {
            cleanups.incrementAndGet();
            cleaned.countDown();
        }));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(shown).containsExactly("progress, locked: true", "result 42, locked: true");
        // the clean-up runs after the result was shown, on the worker: wait for it rather than race it
        assertThat(cleaned.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cleanups).hasValue(1);
    }

    @Test
    void leavingBeforeItStartsMeansItNeverRunsAndItsCleanupRunsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        work.submit("a blocker", () -> await(release));
        AtomicBoolean ran = new AtomicBoolean();
        inLock(() -> ViewTask.start(view, work, "an import", task -> ran.getAndSet(true), r -> shown.add("done"),
                e -> shown.add("failed"), cleanups::incrementAndGet));
        assertThat(work.pending()).isEqualTo(2);

        inLock(() -> ui.remove(view));

        assertThat(cleanups).hasValue(1);
        assertThat(work.pending()).as("withdrawn from the queue").isEqualTo(1);
        release.countDown();
        work.submit("a marker", () -> "after").get(10, TimeUnit.SECONDS);
        assertThat(ran).isFalse();
        assertThat(shown).isEmpty();
        assertThat(cleanups).hasValue(1);
    }

    @Test
    void leavingWhileItRunsStopsItAtItsNextCheckAndDropsItsUpdates() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch left = new CountDownLatch(1);
        AtomicBoolean passedTheCheck = new AtomicBoolean();
        inLock(() -> ViewTask.start(view, work, "a simulation", task -> {
            started.countDown();
            await(left);
            task.show(() -> shown.add("late progress"));
            task.checkCancelled();
            passedTheCheck.set(true);
            return "result";
        }, r -> shown.add("done"), e -> shown.add("failed"), cleanups::incrementAndGet));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        inLock(() -> ui.remove(view));
        left.countDown();
        work.submit("a marker", () -> "after").get(10, TimeUnit.SECONDS);

        // the marker may finish on another worker before this task's clean-up has run
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cleanups.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(passedTheCheck).isFalse();
        assertThat(shown).isEmpty();
        assertThat(cleanups).hasValue(1);
    }

    private void inLock(Command command) {
        lock.lock();
        try {
            VaadinSession.setCurrent(session);
            UI.setCurrent(ui);
            command.execute();
        } finally {
            UI.setCurrent(null);
            VaadinSession.setCurrent(null);
            lock.unlock();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
