package dev.burnrate.engine.plugin;

import dev.burnrate.api.BurnrateExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The plugin host: loads plugins from the plugins folder, installs uploads, enables, disables and uninstalls them,
 * and hands out their extensions behind guards. A plugin that fails to load or start, or whose extensions fail to
 * initialise, is kept in the list as failed with its cause; the host and the other plugins carry on.
 * Thread-safe: lifecycle changes are serialised; extension calls run concurrently.
 */
public final class PluginHost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());

    private final PluginHostConfig config;
    private final HostPluginManager manager;
    private final ExtensionGuard guard;
    private final PluginLifecycle lifecycle;
    private final PluginSafety safety;
    private final Map<String, LoadedPlugin> plugins = new TreeMap<>();
    private final AtomicLong generation = new AtomicLong();

    public PluginHost(PluginHostConfig config, PluginContextFactory contexts) {
        this(config, contexts, (pluginId, message, suspended) -> { });
    }

    /** @param onFault told about failed and timed-out calls (for logs and audit); must not block */
    public PluginHost(PluginHostConfig config, PluginContextFactory contexts, ExtensionGuard.FaultListener onFault) {
        this(config, contexts, onFault, PluginSafety.defaults());
    }

    /**
     * @param onFault told about failed and timed-out calls (for logs and audit); must not block
     * @param safety  which archives load, and the journal that keeps suspensions across restarts
     */
    public PluginHost(PluginHostConfig config, PluginContextFactory contexts, ExtensionGuard.FaultListener onFault,
                      PluginSafety safety) {
        this.config = config;
        this.safety = safety;
        this.manager = new HostPluginManager(config.pluginsDir());
        this.guard = new ExtensionGuard(config.faultsBeforeSuspend(), config.breakerCoolDown(), System::nanoTime,
                new ExtensionGuard.FaultListener() {
                    @Override
                    public void onFault(String pluginId, String message, boolean suspended) {
                        LOG.log(System.Logger.Level.WARNING, "plugin {0}: {1}{2}", pluginId, message,
                                suspended ? " (suspended)" : "");
                        if (suspended) {
                            safety.journal().recordSuspension(pluginId, message);
                            generation.incrementAndGet();
                        }
                        onFault.onFault(pluginId, message, suspended);
                    }

                    /** A plugin that passed its trial call is usable again, after a restart too. */
                    @Override
                    public void onRecovered(String pluginId) {
                        LOG.log(System.Logger.Level.INFO, "plugin {0} answered its trial call: usable again",
                                pluginId);
                        safety.journal().forget(pluginId);
                        generation.incrementAndGet();
                        onFault.onRecovered(pluginId);
                    }
                });
        this.lifecycle = new PluginLifecycle(manager, guard,
                new ExtensionActivator(manager, guard, contexts, config), plugins, safety);
    }

    /** Loads and starts every plugin archive in the plugins folder. */
    public synchronized void start() throws IOException {
        Files.createDirectories(config.pluginsDir());
        List<Path> archives;
        try (Stream<Path> files = Files.list(config.pluginsDir())) {
            archives = files.filter(Files::isRegularFile).filter(PluginHost::isArchive).sorted().toList();
        }
        for (Path archive : archives) {
            lifecycle.loadFromFolder(archive);
        }
        generation.incrementAndGet();
        LOG.log(System.Logger.Level.INFO, "plugin host started {0} of {1} plugins from {2}",
                plugins().stream().filter(p -> p.state() == HostPluginState.STARTED).count(), plugins.size(),
                config.pluginsDir());
    }

    /**
     * Checks and installs an uploaded plugin archive. It either ends installed and started, or leaves nothing in
     * the plugins folder.
     *
     * @param fileName the uploaded file's name (.jar or .zip)
     * @throws PluginValidationException when the archive is not an installable plugin (every problem is listed)
     * @throws PluginInstallException    when it clashes with an installed plugin or fails to start
     */
    public synchronized PluginInfo install(String fileName, InputStream content) throws PluginInstallException {
        return installOrUpgrade(fileName, content).plugin();
    }

    /**
     * Like {@link #install}, and says whether it upgraded: a newer version of an installed plugin (same id) replaces
     * it in place; the old version runs until the new one has started and answered its check calls, and runs on
     * as before if the new one fails. The same version, or an older one, is refused.
     */
    public synchronized PluginInstallResult installOrUpgrade(String fileName, InputStream content)
            throws PluginInstallException {
        try {
            PluginInstaller.Installed done = new PluginInstaller(config, safety, lifecycle, plugins)
                    .install(fileName, content);
            return new PluginInstallResult(describe(done.plugin()), done.replacedVersion());
        } finally {
            generation.incrementAndGet();
        }
    }

    public synchronized List<PluginInfo> plugins() {
        return plugins.values().stream().map(this::describe).toList();
    }

    public synchronized Optional<PluginInfo> plugin(String id) {
        return Optional.ofNullable(plugins.get(id)).map(this::describe);
    }

    /** Starts a disabled, failed or suspended plugin afresh. */
    public synchronized PluginInfo enable(String id) {
        LoadedPlugin plugin = require(id);
        lifecycle.enable(plugin);
        generation.incrementAndGet();
        return describe(plugin);
    }

    /** Stops a plugin and keeps it off across restarts. */
    public synchronized PluginInfo disable(String id) {
        LoadedPlugin plugin = require(id);
        lifecycle.disable(plugin);
        generation.incrementAndGet();
        return describe(plugin);
    }

    /** Stops, unloads and deletes a plugin (also a broken archive that never loaded). */
    public synchronized void uninstall(String id) {
        LoadedPlugin plugin = require(id);
        lifecycle.remove(plugin);
        plugins.remove(id);
        generation.incrementAndGet();
    }

    /** The guarded extensions of a type from every started, unsuspended plugin, in plugin id order. */
    public synchronized <T extends BurnrateExtension> List<PluginExtension<T>> extensions(Class<T> type) {
        List<PluginExtension<T>> result = new ArrayList<>();
        for (LoadedPlugin plugin : plugins.values()) {
            if (state(plugin) != HostPluginState.STARTED) {
                continue;
            }
            for (LoadedPlugin.Live live : plugin.extensions) {
                if (type.isInstance(live.proxy())) {
                    result.add(new PluginExtension<>(plugin.id, type.cast(live.proxy())));
                }
            }
        }
        return result;
    }

    /**
     * A number that grows whenever the set of usable extensions may have changed (start, install, enable, disable,
     * uninstall, suspension), so callers can cache what they read from plugins and know when to read again.
     */
    public long generation() {
        // the guard's part grows when a suspended plugin's cool-down ends or its circuit closes again
        return generation.get() + guard.changes();
    }

    public PluginHostConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        // One plugin at a time: PF4J's bulk stopPlugins() can trip over its own list when a plugin failed.
        for (LoadedPlugin plugin : plugins.values()) {
            lifecycle.unload(plugin);
        }
        guard.close();
    }

    private LoadedPlugin require(String id) {
        LoadedPlugin plugin = plugins.get(id);
        if (plugin == null) {
            throw new IllegalArgumentException("no plugin '" + id + "' is installed");
        }
        return plugin;
    }

    private HostPluginState state(LoadedPlugin plugin) {
        return lifecycle.state(plugin);
    }

    private PluginInfo describe(LoadedPlugin p) {
        HostPluginState state = state(p);
        String error = p.heldState != null ? p.heldReason
                : state == HostPluginState.SUSPENDED ? guard.suspensionReason(p.id).orElse(null)
                : state == HostPluginState.STARTED ? guard.lastError(p.id).orElse(null) : p.error;
        List<ExtensionInfo> extensions = p.extensions.stream().map(LoadedPlugin.Live::info).toList();
        return new PluginInfo(p.id, p.version, p.provider, p.description, p.requires, state, extensions, error,
                p.sha256, p.path.getFileName().toString());
    }

    static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".jar") || name.endsWith(".zip"));
    }

    static void deleteQuietly(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> tree = Files.walk(path)) {
                    for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
