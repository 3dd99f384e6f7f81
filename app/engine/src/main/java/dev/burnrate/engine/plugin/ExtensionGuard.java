package dev.burnrate.engine.plugin;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Runs calls into plugin code on worker threads with a timeout, so a plugin that hangs cannot hang the portal, behind
 * a circuit breaker per plugin. A call that times out opens the circuit at once (its worker may still be stuck and
 * holding locks); unexpected exceptions count as faults and open it after a number in a row. While open the plugin
 * is suspended: calls are refused without reaching it. After the cool-down the circuit is half-open: exactly one
 * trial call goes through (others are still refused); if it answers the circuit closes, if it fails or times out it
 * opens again for another cool-down. Exceptions a method declares (e.g. {@code ProvisioningException}) are answers,
 * not faults, and pass through unchanged.
 */
public final class ExtensionGuard implements AutoCloseable {
    /** Told when a plugin faults or is suspended, so the host can update its state and the portal can log. */
    public interface FaultListener {
        void onFault(String pluginId, String message, boolean suspended);

        /** Told when a suspended plugin answered its trial call and is usable again. */
        default void onRecovered(String pluginId) {
        }
    }

    static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(5);

    private final int faultsBeforeSuspend;
    private final Duration coolDown;
    private final LongSupplier nanoTime;
    private final FaultListener listener;
    private final ExecutorService workers;
    private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public ExtensionGuard(int faultsBeforeSuspend, FaultListener listener) {
        this(faultsBeforeSuspend, DEFAULT_COOL_DOWN, System::nanoTime, listener);
    }

    /**
     * @param coolDown how long an open circuit refuses calls before letting one trial call through
     * @param nanoTime the time source for cool-downs (tests pass a fake one)
     */
    public ExtensionGuard(int faultsBeforeSuspend, Duration coolDown, LongSupplier nanoTime, FaultListener listener) {
        this.faultsBeforeSuspend = faultsBeforeSuspend;
        this.coolDown = Objects.requireNonNull(coolDown, "coolDown");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.listener = Objects.requireNonNull(listener, "listener");
        AtomicInteger counter = new AtomicInteger();
        // Daemon threads: a worker stuck in plugin code must not keep the JVM alive at shutdown.
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "plugin-call-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code call} with the plugin's class loader as context class loader.
     *
     * @throws PluginCallException when the plugin is suspended, times out or throws something undeclared
     * @throws Exception           a declared exception of the call, unchanged
     */
    public <T> T call(String pluginId, String what, ClassLoader loader, Duration timeout,
                      Set<Class<?>> declared, Callable<T> call) throws Exception {
        CircuitBreaker circuit = circuit(pluginId);
        CircuitBreaker.Admission admission = circuit.admit(nanoTime.getAsLong());
        if (admission == CircuitBreaker.Admission.REFUSED) {
            throw new PluginCallException(pluginId, "plugin " + pluginId + " is suspended: "
                    + circuit.reason().orElse("") + " (" + circuit.retryHint(nanoTime.getAsLong()) + ")", null);
        }
        boolean trial = admission == CircuitBreaker.Admission.TRIAL;
        Future<T> future = workers.submit(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return copyCollections(call.call());
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
        try {
            T result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            answered(pluginId, circuit, trial);
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            String message = what + " did not answer within " + timeout.toMillis() + " ms";
            suspend(pluginId, circuit, message);
            throw new PluginCallException(pluginId, "plugin " + pluginId + ": " + message + "; the plugin is suspended", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception checked && declared.stream().anyMatch(t -> t.isInstance(checked))) {
                if (trial) {
                    answered(pluginId, circuit, true); // a declared refusal is an answer: the plugin is alive
                }
                throw checked;
            }
            throw fault(pluginId, circuit, what, cause, trial);
        } catch (InterruptedException e) {
            future.cancel(true);
            circuit.abandonTrial(trial);
            Thread.currentThread().interrupt();
            throw new PluginCallException(pluginId, "interrupted while waiting for plugin " + pluginId, e);
        }
    }

    /** A proxy of {@code target} whose every method goes through {@link #call}. */
    public <T> T guard(Class<T> type, List<Class<?>> interfaces, String pluginId, ClassLoader loader, Object target,
                       Duration timeout, Map<String, Duration> timeoutsByMethod) {
        var handler = new GuardedInvocationHandler(this, pluginId, loader, target, timeout, timeoutsByMethod);
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
        return type.cast(proxy);
    }

    /** True while no call would reach the plugin: its circuit is open, or half-open with its trial call running. */
    public boolean isSuspended(String pluginId) {
        CircuitBreaker circuit = circuits.get(pluginId);
        return circuit != null && circuit.refusesAt(nanoTime.getAsLong());
    }

    /** Why the plugin's circuit is not closed (also while half-open), if it is not. */
    public Optional<String> suspensionReason(String pluginId) {
        CircuitBreaker circuit = circuits.get(pluginId);
        return circuit == null ? Optional.empty() : circuit.reason();
    }

    public Optional<String> lastError(String pluginId) {
        return Optional.ofNullable(lastError.get(pluginId));
    }

    /** Forgets faults and suspension, e.g. when an administrator enables the plugin again. */
    public void reset(String pluginId) {
        circuits.remove(pluginId);
        lastError.remove(pluginId);
        changes.incrementAndGet();
    }

    /**
     * Grows whenever a plugin's usability changed without a call telling anyone: a cool-down ended (so the plugin
     * can be offered its trial call) or a circuit closed again. Reading it notices ended cool-downs.
     */
    public long changes() {
        long now = nanoTime.getAsLong();
        for (CircuitBreaker circuit : circuits.values()) {
            if (circuit.noticeCoolDownEnded(now)) {
                changes.incrementAndGet();
            }
        }
        return changes.get();
    }

    private CircuitBreaker circuit(String pluginId) {
        return circuits.computeIfAbsent(pluginId, k -> new CircuitBreaker(faultsBeforeSuspend, coolDown));
    }

    private void answered(String pluginId, CircuitBreaker circuit, boolean trial) {
        if (circuit.succeeded(trial)) {
            lastError.remove(pluginId);
            changes.incrementAndGet();
            listener.onRecovered(pluginId);
        }
    }

    private PluginCallException fault(String pluginId, CircuitBreaker circuit, String what, Throwable cause,
                                      boolean trial) {
        String message = what + " failed: " + cause;
        lastError.put(pluginId, message);
        int faults = circuit.failed(trial);
        if (trial || faults >= faultsBeforeSuspend) {
            suspend(pluginId, circuit, trial ? "its trial call after a suspension failed: " + message
                    : faults + " failed calls in a row, the last: " + message);
            return new PluginCallException(pluginId, "plugin " + pluginId + ": " + message + "; the plugin is suspended",
                    cause);
        }
        listener.onFault(pluginId, message, false);
        return new PluginCallException(pluginId, "plugin " + pluginId + ": " + message, cause);
    }

    private void suspend(String pluginId, CircuitBreaker circuit, String reason) {
        lastError.put(pluginId, reason);
        if (circuit.open(reason, nanoTime.getAsLong())) {
            listener.onFault(pluginId, reason, true);
        }
    }

    /**
     * Lists, sets and maps are copied on the worker thread, so a lazy collection cannot call back into the plugin
     * (unguarded) when the caller iterates it.
     */
    @SuppressWarnings("unchecked")
    private static <T> T copyCollections(T value) {
        if (value instanceof List<?> list) {
            return (T) java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
        }
        if (value instanceof Set<?> set) {
            return (T) java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(set));
        }
        if (value instanceof Map<?, ?> map) {
            return (T) java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
        }
        return value;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
