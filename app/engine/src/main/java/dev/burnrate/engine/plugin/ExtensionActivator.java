package dev.burnrate.engine.plugin;

import dev.burnrate.api.BurnrateExtension;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComputeBackend;
import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.PluginContext;
import dev.burnrate.plugins.checker.PluginPackageInspector;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Creates a started plugin's extensions from its extension index, each behind an {@link ExtensionGuard} proxy, and
 * initialises them with the plugin's {@link PluginContext}. The plugin's start, class loading, construction and
 * {@code init} all run guarded, so a static initialiser or constructor that hangs or throws fails only this plugin.
 */
final class ExtensionActivator {
    /** Extension points the admin view names; others show as their interface's simple name. */
    private static final List<Class<?>> KNOWN_POINTS = List.of(CloudProvider.class, HardwareCatalog.class,
            ComputeBackend.class);

    private final PluginManager manager;
    private final ExtensionGuard guard;
    private final PluginContextFactory contexts;
    private final PluginHostConfig config;

    ExtensionActivator(PluginManager manager, ExtensionGuard guard, PluginContextFactory contexts,
                       PluginHostConfig config) {
        this.manager = manager;
        this.guard = guard;
        this.contexts = contexts;
        this.config = config;
    }

    /**
     * Starts the PF4J plugin (creating its Plugin-Class, running its static initialisers, constructor and
     * {@code start()}) under the guard's time limit, so a plugin that hangs there fails alone instead of wedging the
     * portal's start-up. PF4J reports exceptions through the plugin's state; a timeout ends in a
     * {@link PluginCallException} and suspends the plugin.
     */
    PluginState startPlugin(String pluginId) throws Exception {
        return guarded(pluginId, "starting plugin " + pluginId, manager.getPluginClassLoader(pluginId),
                () -> manager.startPlugin(pluginId));
    }

    List<LoadedPlugin.Live> activate(String pluginId) throws PluginActivationException {
        ClassLoader loader = manager.getPluginClassLoader(pluginId);
        Set<String> names = manager.getExtensionClassNames(pluginId);
        if (names == null || names.isEmpty()) {
            throw new PluginActivationException("contributes no extensions (its META-INF/extensions.idx is missing "
                    + "or empty)", null);
        }
        PluginContext context = contexts.contextFor(pluginId);
        List<LoadedPlugin.Live> live = new ArrayList<>();
        for (String name : names) {
            live.add(activateOne(pluginId, loader, name, context));
        }
        return List.copyOf(live);
    }

    private LoadedPlugin.Live activateOne(String pluginId, ClassLoader loader, String name, PluginContext context)
            throws PluginActivationException {
        Duration timeout = config.callTimeout();
        try {
            Class<?> type = guarded(pluginId, "loading " + name, loader, () -> Class.forName(name, true, loader));
            if (!BurnrateExtension.class.isAssignableFrom(type)) {
                throw new PluginActivationException(name + " does not implement a Burnrate extension point such as "
                        + CloudProvider.class.getName(), null);
            }
            Object target = guarded(pluginId, "creating " + name, loader, () -> construct(type));
            List<Class<?>> interfaces = hostVisibleExtensionPoints(type);
            Map<String, Duration> byMethod = new java.util.HashMap<>(config.methodTimeouts());
            byMethod.put("launch", config.kernelTimeout());
            BurnrateExtension proxy = guard.guard(BurnrateExtension.class, interfaces, pluginId, loader, target,
                    timeout, byMethod);
            proxy.init(context);
            String id = proxy.id();
            if (id == null || !PluginPackageInspector.ID.matcher(id).matches()) {
                throw new PluginActivationException(name + ".id() returned '" + id
                        + "': ids are lower-case letters, digits and dashes, starting with a letter", null);
            }
            return new LoadedPlugin.Live(proxy, target, new ExtensionInfo(pointName(interfaces), id,
                    proxy.displayName(), name));
        } catch (PluginActivationException e) {
            throw e;
        } catch (Exception e) {
            throw new PluginActivationException("extension " + name + " failed to start: " + e.getMessage(), e);
        }
    }

    private <T> T guarded(String pluginId, String what, ClassLoader loader, Callable<T> call) throws Exception {
        return guard.call(pluginId, what, loader, config.callTimeout(), Set.of(), call);
    }

    private static Object construct(Class<?> type) throws Exception {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " needs a public no-argument constructor", e);
        }
    }

    /** The Burnrate interfaces the class implements that the host itself knows (not copies in the plugin). */
    static List<Class<?>> hostVisibleExtensionPoints(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        collect(type, found);
        ClassLoader hostLoader = BurnrateExtension.class.getClassLoader();
        List<Class<?>> visible = new ArrayList<>();
        for (Class<?> candidate : found) {
            try {
                if (Class.forName(candidate.getName(), false, hostLoader) == candidate) {
                    visible.add(candidate);
                }
            } catch (ClassNotFoundException e) {
                // an extension point defined inside the plugin: the host cannot call it
            }
        }
        return visible;
    }

    private static void collect(Class<?> type, Set<Class<?>> found) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> iface : c.getInterfaces()) {
                if (BurnrateExtension.class.isAssignableFrom(iface) && found.add(iface)) {
                    collect(iface, found);
                }
            }
        }
    }

    private static String pointName(List<Class<?>> interfaces) {
        for (Class<?> known : KNOWN_POINTS) {
            if (interfaces.contains(known)) {
                return known.getSimpleName();
            }
        }
        return interfaces.isEmpty() ? "BurnrateExtension" : interfaces.get(0).getSimpleName();
    }
}
