package dev.burnrate.portal.support;

import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory test cloud with faults injected per request id, as a badly behaved provider plugin would show them.
 * Faults act on the first provision call of a request only; retries (idempotent on the request id) behave.
 */
public class FaultyTestCloud extends SandboxTestProvider {

    /** What goes wrong in a request's first provision call. */
    public enum Fault {
        /** Answers, but slowly (within the time limit). */
        SLOW,
        /** Creates the resource, then does not answer within the time limit. */
        TIMES_OUT_AFTER_CREATING,
        /** Creates the resource, then reports a refusal (breaking the contract: something is left running). */
        FAILS_AFTER_CREATING,
        /** Creates the resource, then throws an unexpected exception. */
        THROWS_AFTER_CREATING,
        /** Throws an unexpected exception before creating anything. */
        THROWS,
        /** Hangs, ignoring interrupts, until {@link #release}d; then creates the resource (a late answer). */
        HANGS,
        /** Creates the resource, then waits until {@link #release}d before answering. */
        BLOCKS_AFTER_CREATING
    }

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> released = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Duration slowness;
    private volatile boolean legacy;

    /** @param slowness how long a SLOW call and a TIMES_OUT call's wait last */
    public FaultyTestCloud(Clock clock, Duration slowness) {
        super(clock);
        this.slowness = slowness;
    }

    /** Acts like a plugin built before API 1.2: no inventory, no status by request id. */
    public void actAsLegacy(boolean legacy) {
        this.legacy = legacy;
    }

    @Override
    public boolean supportsInventory() {
        return !legacy;
    }

    public void inject(String requestId, Fault fault) {
        faults.put(requestId, fault);
        entered.put(requestId, new CountDownLatch(1));
        released.put(requestId, new CountDownLatch(1));
    }

    /** Waits until the request's faulty call has started (and, for the creating faults, created). */
    public boolean awaitEntered(String requestId, Duration timeout) throws InterruptedException {
        return entered.get(requestId).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release(String requestId) {
        CountDownLatch latch = released.get(requestId);
        if (latch != null) {
            latch.countDown();
        }
    }

    public void releaseAll() {
        released.values().forEach(CountDownLatch::countDown);
    }

    /** How many provision calls reached this cloud for one request. */
    public int provisionCalls(String requestId) {
        AtomicInteger count = calls.get(requestId);
        return count == null ? 0 : count.get();
    }

    @Override
    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        calls.computeIfAbsent(request.requestId(), k -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.remove(request.requestId());
        if (fault == null) {
            return super.provision(request);
        }
        CountDownLatch started = entered.get(request.requestId());
        switch (fault) {
            case SLOW -> {
                started.countDown();
                sleep(slowness);
                return super.provision(request);
            }
            case TIMES_OUT_AFTER_CREATING -> {
                ResourceStatus created = super.provision(request);
                started.countDown();
                sleep(slowness.multipliedBy(20));
                return created;
            }
            case FAILS_AFTER_CREATING -> {
                super.provision(request);
                started.countDown();
                throw new ProvisioningException("quota exceeded (but the instance was created anyway)");
            }
            case THROWS_AFTER_CREATING -> {
                super.provision(request);
                started.countDown();
                throw new IllegalStateException("connection reset after the create call");
            }
            case THROWS -> {
                started.countDown();
                throw new IllegalStateException("connection refused");
            }
            case HANGS -> {
                started.countDown();
                awaitUninterruptibly(released.get(request.requestId()));
                return super.provision(request);
            }
            case BLOCKS_AFTER_CREATING -> {
                ResourceStatus created = super.provision(request);
                started.countDown();
                awaitUninterruptibly(released.get(request.requestId()));
                return created;
            }
            default -> throw new IllegalStateException(fault.name());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stuck plugin code does not care about interrupts. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                if (latch.await(60, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
