package dev.burnrate.portal.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Long work started from a view: it runs on {@link BackgroundWork} as the signed-in user, shows progress and its
 * result through {@link UI#access} (delivered by push), and is cancelled when the component that started it is
 * detached (the user left the page or closed the tab). A task that has not started yet never runs; a running one
 * stops at its next {@link #checkCancelled()} and its updates are dropped. Threads are not interrupted: an
 * interrupt inside a database call can close H2's file channel, so stopping is left to the task's own checks.
 */
public final class ViewTask {

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int CANCELLED_BEFORE_START = 2;

    /** The work itself, on a pool thread; it may call {@link #show} and {@link #checkCancelled()}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ViewTask task) throws Exception;
    }

    private final UI ui;
    private final BackgroundWork work;
    private final Runnable cleanup;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private volatile boolean cancelled;
    private Future<?> future;
    private Registration detach;

    private ViewTask(UI ui, BackgroundWork work, Runnable cleanup) {
        this.ui = ui;
        this.work = work;
        this.cleanup = cleanup;
    }

    /**
     * Starts work for {@code owner}, which must be attached. {@code done} or {@code failed} then runs in the UI
     * (unless the task was cancelled). {@code cleanup} runs exactly once, on the pool thread after the work or at
     * cancellation when the work never started (e.g. to delete an uploaded file).
     *
     * @throws BackgroundWork.Busy when the pool is full; nothing was started and cleanup has run
     */
    public static <T> ViewTask start(Component owner, BackgroundWork work, String what, Work<T> body,
                                     Consumer<T> done, Consumer<Exception> failed, Runnable cleanup) {
        UI ui = owner.getUI().orElseThrow(() -> new IllegalStateException("start " + what + " from an attached view"));
        ViewTask task = new ViewTask(ui, work, cleanup);
        task.detach = owner.addDetachListener(e -> task.cancel());
        try {
            task.future = work.submit(what, () -> {
                task.run(body, done, failed);
                return null;
            });
        } catch (BackgroundWork.Busy busy) {
            task.detach.remove();
            cleanup.run();
            throw busy;
        }
        return task;
    }

    /** As {@link #start(Component, BackgroundWork, String, Work, Consumer, Consumer, Runnable)} without cleanup. */
    public static <T> ViewTask start(Component owner, BackgroundWork work, String what, Work<T> body,
                                     Consumer<T> done, Consumer<Exception> failed) {
        return start(owner, work, what, body, done, failed, () -> { });
    }

    private <T> void run(Work<T> body, Consumer<T> done, Consumer<Exception> failed) {
        if (!state.compareAndSet(QUEUED, RUNNING)) {
            return;
        }
        try {
            T result = body.run(this);
            show(() -> {
                detach.remove();
                done.accept(result);
            });
        } catch (CancellationException e) {
            // the user left; nothing to show
        } catch (Exception e) {
            show(() -> {
                detach.remove();
                failed.accept(e);
            });
        } finally {
            cleanup.run();
        }
    }

    /** Runs a UI update for this task's page; dropped once the task is cancelled or the page is gone. */
    public void show(Command update) {
        if (cancelled) {
            return;
        }
        try {
            ui.access(update);
        } catch (UIDetachedException e) {
            // the page is gone; the detach listener cancels the task
        }
    }

    /** Throws {@link CancellationException} once the user has left the page; long loops call it between steps. */
    public void checkCancelled() {
        if (cancelled) {
            throw new CancellationException("the user left the page");
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Cancels the task: a queued one never runs (its cleanup runs now), a running one stops at its next check.
     * Called in the UI (under the session lock), like everything that touches the page.
     */
    public void cancel() {
        cancelled = true;
        detach.remove();
        if (future != null) {
            future.cancel(false);
            work.withdraw(future);
        }
        if (state.compareAndSet(QUEUED, CANCELLED_BEFORE_START)) {
            cleanup.run();
        }
    }
}
