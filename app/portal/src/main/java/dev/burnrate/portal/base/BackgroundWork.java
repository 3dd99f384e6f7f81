package dev.burnrate.portal.base;

import jakarta.annotation.security.PermitAll;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one bounded pool for long work in the portal: a fixed number of threads and a bounded queue, so a burst of
 * uploads or simulations cannot start unlimited threads. A task runs with the security context of whoever
 * submitted it (services stay authorised and team-scoped). When every thread is busy and the queue is full, a
 * submit is refused with {@link Busy}, whose message can be shown to the user as it is.
 * <p>
 * Open to every signed-in caller ({@code @PermitAll}): queuing work grants nothing by itself, because the work runs
 * as its submitter and the services it calls check access and team scope.
 */
@Component
@PermitAll
public class BackgroundWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final ThreadPoolExecutor pool;

    public BackgroundWork(WorkProperties properties) {
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queue()), threads(), new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues a task to run as the current user.
     *
     * @param what what the task does, for the message when it is refused (e.g. "the import of costs.csv")
     * @throws Busy when every thread is busy and the queue is full
     */
    public <T> Future<T> submit(String what, Callable<T> task) {
        try {
            return pool.submit(asCaller(task));
        } catch (RejectedExecutionException e) {
            log.warn("Refused {}: {} tasks running, {} waiting", what, pool.getActiveCount(), pool.getQueue().size());
            throw new Busy("The portal is busy (" + pool.getMaximumPoolSize() + " tasks running and "
                    + pool.getQueue().size() + " waiting), so " + what + " did not start; try again in a minute.");
        }
    }

    /** As {@link #submit(String, Callable)} for a task without a result. */
    public Future<?> submit(String what, Runnable task) {
        return submit(what, () -> {
            task.run();
            return null;
        });
    }

    /**
     * The task with the caller's security context. Read and set through {@link SecurityContextHolder}'s current
     * strategy at each call, not one captured when this bean was made: Vaadin installs its own strategy later.
     */
    private static <T> Callable<T> asCaller(Callable<T> task) {
        SecurityContext caller = SecurityContextHolder.getContext();
        return () -> {
            SecurityContextHolder.setContext(caller);
            try {
                return task.call();
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }

    /** Takes a cancelled task out of the queue at once, so that it no longer holds a waiting place. */
    public void withdraw(Future<?> task) {
        if (task instanceof Runnable queued) {
            pool.remove(queued);
        }
    }

    /** Tasks running or waiting now. */
    public int pending() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdownNow();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Background work still running at shutdown: {} task(s)", pool.getActiveCount());
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "burnrate-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Refused because the pool is full; the message says so in words a user can act on. */
    public static final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }
}
