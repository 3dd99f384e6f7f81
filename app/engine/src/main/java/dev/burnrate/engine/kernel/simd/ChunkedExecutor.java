package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.BoundKernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ExecutionException;

/**
 * Runs a kernel's items in fixed-size chunks on a pool of worker threads plus the calling thread. Workers take
 * the next chunk from a shared counter, so uneven chunks (scenarios with many interruptions) balance themselves.
 * Chunks matter on these JDKs: one call over ten million items stays in slow on-stack-replaced code for long,
 * while many calls over a few thousand items each reach the fully compiled kernel at once.
 */
final class ChunkedExecutor implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    ChunkedExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "burnrate-jvm-simd");
            thread.setDaemon(true);
            return thread;
        });
    }

    int threads() {
        return threads;
    }

    /** Runs all items of {@code kernel} in chunks of {@code chunk} items; returns when every chunk is done. */
    void run(BoundKernel kernel, int chunk) {
        int items = kernel.items();
        int chunks = (int) (((long) items + chunk - 1) / chunk);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int c;
            while (failure.get() == null && (c = next.getAndIncrement()) < chunks) {
                int from = c * chunk;
                try {
                    kernel.run(from, (int) Math.min((long) from + chunk, items));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int helpers = pool == null ? 0 : Math.min(threads - 1, chunks - 1);
        Future<?>[] futures = new Future<?>[helpers];
        for (int i = 0; i < helpers; i++) {
            futures[i] = pool.submit(worker);
        }
        worker.run();
        for (Future<?> future : futures) {
            await(future);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    private static void await(Future<?> future) {
        boolean interrupted = false;
        while (true) {
            try {
                future.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                throw new IllegalStateException("kernel worker failed", e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
