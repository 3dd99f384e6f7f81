package dev.burnrate.portal.provisioning;

import dev.burnrate.api.ProvisioningException;
import dev.burnrate.portal.base.ProviderTimeouts;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Calls into provider plugins with a time limit per operation ({@link ProviderTimeouts}), so a plugin that hangs
 * cannot hold a request (or a page) forever. A plugin's own refusal ({@link ProvisioningException}) passes through;
 * anything else it throws, and a timeout, become {@link ProviderUnavailable}: the outcome of such a call is unknown.
 */
@Component
public class ProviderCalls implements AutoCloseable {

    /** Past the operation's limit, so the plugin guard's own timeout (the same limit) fires first for plugins. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ProviderTimeouts timeouts;

    public ProviderCalls() {
        this(ProviderTimeouts.defaults());
    }

    @Autowired
    public ProviderCalls(ProviderTimeouts timeouts) {
        this.timeouts = timeouts;
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

    /**
     * Calls the provider, within the limit for {@code what} (a {@code CloudProvider} method name, see
     * {@link ProviderTimeouts#forOperation}).
     */
    public <T> T call(String providerId, String what, Call<T> call) throws ProvisioningException {
        Duration timeout = timeouts.forOperation(what);
        Future<T> future = executor.submit(call::run);
        try {
            return future.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderUnavailable("provider " + providerId + " did not answer " + what + " within "
                    + describe(timeout), e);
        } catch (InterruptedException e) {
            future.cancel(true);
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

    /** The lease that protects a claimed request's provider call (see {@link ProviderTimeouts#lease()}). */
    public Duration lease() {
        return timeouts.lease().plus(GRACE);
    }

    private static String describe(Duration d) {
        return d.toSeconds() >= 120 && d.toSecondsPart() == 0 ? d.toMinutes() + " minutes" : d.toMillis() + " ms";
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
