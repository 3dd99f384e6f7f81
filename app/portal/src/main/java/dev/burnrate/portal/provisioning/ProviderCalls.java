package dev.burnrate.portal.provisioning;

import dev.burnrate.api.ProvisioningException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Calls into provider plugins with a time limit, so a plugin that hangs cannot hold a request (or a page) forever.
 * A plugin's own refusal ({@link ProvisioningException}) passes through; anything else it throws, and a timeout,
 * become {@link ProviderUnavailable}.
 */
@Component
public class ProviderCalls implements AutoCloseable {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration timeout;

    public ProviderCalls() {
        this(Duration.ofSeconds(30));
    }

    ProviderCalls(Duration timeout) {
        this.timeout = timeout;
    }

    /** A provider call. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws ProvisioningException;
    }

    /** Thrown when a provider could not be asked: it threw unexpectedly or did not answer in time. */
    public static class ProviderUnavailable extends RuntimeException {
        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public <T> T call(String providerId, String what, Call<T> call) throws ProvisioningException {
        Future<T> future = executor.submit(call::run);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderUnavailable("provider " + providerId + " did not answer " + what + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while calling provider " + providerId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProvisioningException refused) {
                throw refused;
            }
            throw new ProviderUnavailable("provider " + providerId + " failed on " + what + ": "
                    + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** For calls that cannot be refused (catalog reads). */
    public <T> T read(String providerId, String what, java.util.function.Supplier<T> call) {
        try {
            return call(providerId, what, call::get);
        } catch (ProvisioningException e) {
            throw new ProviderUnavailable(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
