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

/**
 * Runs calls into plugin code on worker threads with a timeout, so a plugin that hangs cannot hang the portal.
 * A call that times out suspends its plugin at once (its worker may still be stuck and holding locks); unexpected
 * exceptions count as faults and suspend the plugin after a number in a row. Exceptions a method declares (e.g.
 * {@code ProvisioningException}) are answers, not faults, and pass through unchanged.
 */
public final class ExtensionGuard implements AutoCloseable {
    /** Told when a plugin faults or is suspended, so the host can update its state and the portal can log. */
    public interface FaultListener {
        void onFault(String pluginId, String message, boolean suspended);
    }

    private final int faultsBeforeSuspend;
    private final FaultListener listener;
    private final ExecutorService workers;
    private final Map<String, AtomicInteger> consecutiveFaults = new ConcurrentHashMap<>();
    private final Map<String, String> suspended = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();

    public ExtensionGuard(int faultsBeforeSuspend, FaultListener listener) {
        this.faultsBeforeSuspend = faultsBeforeSuspend;
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
        String reason = suspended.get(pluginId);
        if (reason != null) {
            throw new PluginCallException(pluginId, "plugin " + pluginId + " is suspended: " + reason, null);
        }
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
            consecutiveFaults.computeIfAbsent(pluginId, k -> new AtomicInteger()).set(0);
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            String message = what + " did not answer within " + timeout.toMillis() + " ms";
            suspend(pluginId, message);
            throw new PluginCallException(pluginId, "plugin " + pluginId + ": " + message + "; the plugin is suspended", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception checked && declared.stream().anyMatch(t -> t.isInstance(checked))) {
                throw checked;
            }
            throw fault(pluginId, what, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
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

    public boolean isSuspended(String pluginId) {
        return suspended.containsKey(pluginId);
    }

    public Optional<String> suspensionReason(String pluginId) {
        return Optional.ofNullable(suspended.get(pluginId));
    }

    public Optional<String> lastError(String pluginId) {
        return Optional.ofNullable(lastError.get(pluginId));
    }

    /** Forgets faults and suspension, e.g. when an administrator enables the plugin again. */
    public void reset(String pluginId) {
        suspended.remove(pluginId);
        consecutiveFaults.remove(pluginId);
        lastError.remove(pluginId);
    }

    private PluginCallException fault(String pluginId, String what, Throwable cause) {
        String message = what + " failed: " + cause;
        lastError.put(pluginId, message);
        int faults = consecutiveFaults.computeIfAbsent(pluginId, k -> new AtomicInteger()).incrementAndGet();
        if (faults >= faultsBeforeSuspend) {
            suspend(pluginId, faults + " failed calls in a row, the last: " + message);
            return new PluginCallException(pluginId, "plugin " + pluginId + ": " + message + "; the plugin is suspended",
                    cause);
        }
        listener.onFault(pluginId, message, false);
        return new PluginCallException(pluginId, "plugin " + pluginId + ": " + message, cause);
    }

    private void suspend(String pluginId, String reason) {
        lastError.put(pluginId, reason);
        if (suspended.putIfAbsent(pluginId, reason) == null) {
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
