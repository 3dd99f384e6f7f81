package dev.burnrate.engine.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;

/** Routes every call on an extension proxy through the {@link ExtensionGuard}. */
final class GuardedInvocationHandler implements InvocationHandler {
    private final ExtensionGuard guard;
    private final String pluginId;
    private final ClassLoader loader;
    private final Object target;
    private final Duration timeout;
    private final Map<String, Duration> timeoutsByMethod;

    GuardedInvocationHandler(ExtensionGuard guard, String pluginId, ClassLoader loader, Object target,
                             Duration timeout, Map<String, Duration> timeoutsByMethod) {
        this.guard = guard;
        this.pluginId = pluginId;
        this.loader = loader;
        this.target = target;
        this.timeout = timeout;
        this.timeoutsByMethod = Map.copyOf(timeoutsByMethod);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        // Identity is the proxy's own: equals/hashCode never reach plugin code.
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "guarded " + target.getClass().getName() + " of plugin " + pluginId;
            };
        }
        Duration limit = timeoutsByMethod.getOrDefault(method.getName(), timeout);
        String what = target.getClass().getSimpleName() + "." + method.getName() + "()";
        return guard.call(pluginId, what, loader, limit, new HashSet<>(Arrays.asList(method.getExceptionTypes())), () -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                throw new IllegalStateException(cause.toString(), cause);
            }
        });
    }
}
