package dev.burnrate.portal.provisioning;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Hands approved requests to the provider on a small pool of workers (carrying the user's security context, for
 * the audit trail), waiting at most {@code burnrate.provisioning.submit-wait} for the answer. A provider call may
 * take minutes; the submitting page must not hold its session that long, so a slower call goes on in the
 * background (the request shows PROVISIONING meanwhile) and its answer is recorded when it comes.
 */
@Component
class HandOvers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HandOvers.class);

    private final ProvisioningExecutor executor;
    private final Duration wait;
    private final ExecutorService workers;

    HandOvers(ProvisioningExecutor executor, @Value("${burnrate.provisioning.submit-wait:20s}") Duration wait,
              @Value("${burnrate.provisioning.hand-over-threads:8}") int threads) {
        this.executor = executor;
        this.wait = wait;
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "provisioning-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Provisions an APPROVED request; returns once it is answered or the submit wait is over. */
    void start(String requestId) {
        SecurityContext context = SecurityContextHolder.getContext();
        Future<?> handOver = workers.submit(() -> {
            SecurityContextHolder.setContext(context);
            try {
                executor.provision(requestId);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        try {
            handOver.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.info("Provisioning {} goes on in the background: no answer within {} s", requestId, wait.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
