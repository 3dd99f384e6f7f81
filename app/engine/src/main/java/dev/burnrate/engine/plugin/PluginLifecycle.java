package dev.burnrate.engine.plugin;

import dev.burnrate.plugins.checker.PluginCheckException;
import dev.burnrate.plugins.checker.PluginPackage;
import dev.burnrate.plugins.checker.PluginPackageInspector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Moves plugins through load, start, stop, disable and removal on PF4J, keeping the host's records in step.
 * Called only under {@link PluginHost}'s lock.
 */
final class PluginLifecycle {
    private static final System.Logger LOG = System.getLogger(PluginLifecycle.class.getName());

    private final HostPluginManager manager;
    private final ExtensionGuard guard;
    private final ExtensionActivator activator;
    private final Map<String, LoadedPlugin> plugins;
    private final PluginSafety safety;
    private final PluginStartGate gate;
    private final PluginPackageInspector inspector = new PluginPackageInspector();

    PluginLifecycle(HostPluginManager manager, ExtensionGuard guard, ExtensionActivator activator,
                    Map<String, LoadedPlugin> plugins, PluginSafety safety) {
        this.manager = manager;
        this.guard = guard;
        this.activator = activator;
        this.plugins = plugins;
        this.safety = safety;
        this.gate = new PluginStartGate(safety.journal());
    }

    /** Loads an archive found in the plugins folder; a broken one is recorded as failed under its file name. */
    void loadFromFolder(Path archive) {
        String fileName = archive.getFileName().toString();
        PluginPackage pkg;
        try {
            String sha256 = Sha256.of(archive);
            String refusal = safety.refusal(sha256);
            if (refusal != null) {
                recordBroken(archive, fileName, fileName + " was not loaded: " + refusal);
                return;
            }
            pkg = inspector.inspect(archive, fileName, sha256);
        } catch (PluginCheckException | IOException e) {
            recordBroken(archive, fileName, e.getMessage());
            return;
        }
        if (plugins.containsKey(pkg.id())) {
            recordBroken(archive, fileName, "plugin id '" + pkg.id() + "' is already used by "
                    + plugins.get(pkg.id()).path.getFileName());
            return;
        }
        if (safety.skippedInSafeMode(pkg.sha256())) {
            LoadedPlugin skipped = describedBy(archive, pkg);
            skipped.heldState = HostPluginState.DISABLED;
            skipped.heldReason = "not loaded: the portal was started in safe mode, which loads only the built-in "
                    + "plugins; restart it without safe mode to load this one";
            plugins.put(skipped.id, skipped);
            LOG.log(System.Logger.Level.WARNING, "safe mode: plugin {0} ({1}) not loaded", pkg.id(), fileName);
            return;
        }
        LoadedPlugin plugin = load(archive, pkg);
        plugins.put(plugin.id, plugin);
        if (plugin.inPf4j) {
            String held = gate.heldBack(plugin.id);
            if (held != null) {
                plugin.heldState = HostPluginState.SUSPENDED;
                plugin.heldReason = held;
                LOG.log(System.Logger.Level.WARNING, "plugin {0} not started: {1}", plugin.id, held);
            } else {
                start(plugin);
            }
        }
    }

    /** Loads an inspected archive into PF4J (not yet started). */
    LoadedPlugin load(Path archive, PluginPackage pkg) {
        LoadedPlugin plugin = describedBy(archive, pkg);
        try {
            String loaded = manager.loadPlugin(archive);
            plugin.inPf4j = loaded != null;
            if (loaded == null) {
                plugin.error = "PF4J could not load the archive (see the server log)";
            } else if (!loaded.equals(pkg.id())) {
                plugin.error = "PF4J read id '" + loaded + "' but the descriptor says '" + pkg.id() + "'";
            }
        } catch (RuntimeException | LinkageError e) {
            plugin.error = "could not be loaded: " + e;
        }
        return plugin;
    }

    private static LoadedPlugin describedBy(Path archive, PluginPackage pkg) {
        LoadedPlugin plugin = new LoadedPlugin(pkg.id(), archive);
        plugin.version = pkg.version();
        plugin.provider = pkg.provider();
        plugin.description = pkg.description();
        plugin.requires = pkg.requires();
        plugin.sha256 = pkg.sha256();
        return plugin;
    }

    /**
     * Starts a loaded plugin, activates its extensions and makes the check calls; failures are recorded on the
     * plugin. The journal's start marker covers all of it: the plugin's first calls into its own code.
     */
    void start(LoadedPlugin plugin) {
        PluginWrapper wrapper = manager.getPlugin(plugin.id);
        if (wrapper.getPluginState() == PluginState.DISABLED) {
            return;
        }
        gate.marked(plugin.id, () -> startMarked(plugin, wrapper));
    }

    private void startMarked(LoadedPlugin plugin, PluginWrapper wrapper) {
        PluginState state;
        try {
            state = activator.startPlugin(plugin.id);
        } catch (Exception e) {
            plugin.error = "failed to start: " + e.getMessage();
            return;
        }
        if (state != PluginState.STARTED) {
            Throwable cause = wrapper.getFailedException();
            plugin.error = "failed to start: " + (cause == null ? "state " + state : describe(cause));
            return;
        }
        try {
            plugin.extensions = activator.activate(plugin.id);
            plugin.error = clash(plugin);
            if (plugin.error == null && safety.smokeCalls()) {
                plugin.error = PluginSmokeTest.run(plugin.extensions);
            }
        } catch (PluginActivationException e) {
            plugin.error = e.getMessage();
        }
        if (plugin.error != null) {
            closeExtensions(plugin);
            manager.stopPlugin(plugin.id);
        }
    }

    void enable(LoadedPlugin plugin) {
        requireLoaded(plugin);
        closeExtensions(plugin);
        release(plugin);
        guard.reset(plugin.id);
        plugin.error = null;
        PluginWrapper wrapper = manager.getPlugin(plugin.id);
        if (wrapper.getPluginState() == PluginState.DISABLED) {
            manager.enablePlugin(plugin.id);
        } else if (wrapper.getPluginState() == PluginState.STARTED) {
            manager.stopPlugin(plugin.id);
        }
        start(plugin);
    }

    void disable(LoadedPlugin plugin) {
        requireLoaded(plugin);
        closeExtensions(plugin);
        if (!manager.disablePlugin(plugin.id)) {
            throw new IllegalStateException("PF4J could not disable plugin " + plugin.id + " (see the server log)");
        }
        release(plugin);
        guard.reset(plugin.id);
        plugin.error = null;
    }

    void remove(LoadedPlugin plugin) {
        closeExtensions(plugin);
        if (plugin.inPf4j && manager.getPlugin(plugin.id) != null) {
            Path expanded = manager.getPlugin(plugin.id).getPluginPath();
            manager.unloadPlugin(plugin.id);
            PluginHost.deleteQuietly(expanded);
        }
        PluginHost.deleteQuietly(plugin.path);
        gate.forget(plugin.id);
        guard.reset(plugin.id);
    }

    /**
     * Takes a plugin out of PF4J for an upgrade, leaving its archive in place (a zip's expanded folder goes; PF4J
     * expands it again if the plugin is reattached).
     */
    void detach(LoadedPlugin plugin) {
        closeExtensions(plugin);
        if (plugin.inPf4j && manager.getPlugin(plugin.id) != null) {
            Path expanded = manager.getPlugin(plugin.id).getPluginPath();
            manager.unloadPlugin(plugin.id);
            if (!expanded.equals(plugin.path)) {
                PluginHost.deleteQuietly(expanded);
            }
        }
        guard.reset(plugin.id);
    }

    /**
     * Loads a detached plugin again from its archive after a failed upgrade, and starts it if it was started (or
     * suspended: its calls get a fresh chance); a plugin that was not started keeps the error or hold it had.
     */
    LoadedPlugin reattach(LoadedPlugin old, HostPluginState stateBefore) {
        PluginPackage pkg;
        try {
            pkg = inspector.inspect(old.path, old.path.getFileName().toString(), old.sha256);
        } catch (PluginCheckException e) {
            old.inPf4j = false;
            old.error = "could not be reloaded after a failed upgrade: " + e.getMessage();
            return old;
        }
        LoadedPlugin restored = load(old.path, pkg);
        if (restored.inPf4j && restored.error == null && (stateBefore == HostPluginState.STARTED
                || stateBefore == HostPluginState.SUSPENDED)) {
            start(restored);
        } else if (restored.error == null) {
            restored.error = old.error;
            restored.heldState = old.heldState;
            restored.heldReason = old.heldReason;
        }
        return restored;
    }

    /** An administrator decided about the plugin: what held it back, here and in the journal, no longer counts. */
    private void release(LoadedPlugin plugin) {
        plugin.heldState = null;
        plugin.heldReason = null;
        gate.forget(plugin.id);
    }

    /** Stops and unloads a plugin, leaving its archive in place (host shutdown). */
    void unload(LoadedPlugin plugin) {
        closeExtensions(plugin);
        if (plugin.inPf4j && manager.getPlugin(plugin.id) != null) {
            try {
                manager.unloadPlugin(plugin.id);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "unloading plugin " + plugin.id + " failed", e);
            }
        }
    }

    void closeExtensions(LoadedPlugin plugin) {
        for (LoadedPlugin.Live live : plugin.extensions) {
            if (live.proxy() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception | LinkageError e) {
                    LOG.log(System.Logger.Level.WARNING, "closing an extension of " + plugin.id + " failed", e);
                }
            }
        }
        plugin.extensions = List.of();
    }

    HostPluginState state(LoadedPlugin plugin) {
        if (plugin.heldState != null) {
            return plugin.heldState;
        }
        PluginWrapper wrapper = plugin.inPf4j ? manager.getPlugin(plugin.id) : null;
        if (wrapper == null) {
            return HostPluginState.FAILED;
        }
        PluginState state = wrapper.getPluginState();
        if (state == PluginState.DISABLED) {
            return HostPluginState.DISABLED;
        }
        if (state == PluginState.STARTED && plugin.error == null) {
            return guard.isSuspended(plugin.id) ? HostPluginState.SUSPENDED : HostPluginState.STARTED;
        }
        return plugin.error != null || state == PluginState.FAILED ? HostPluginState.FAILED : HostPluginState.STOPPED;
    }

    /** Two started plugins must not offer the same extension id for the same extension point. */
    private String clash(LoadedPlugin plugin) {
        for (LoadedPlugin other : plugins.values()) {
            if (other == plugin || other.id.equals(plugin.id)) {
                continue;
            }
            for (LoadedPlugin.Live mine : plugin.extensions) {
                for (LoadedPlugin.Live theirs : other.extensions) {
                    if (mine.info().extensionPoint().equals(theirs.info().extensionPoint())
                            && mine.info().id().equals(theirs.info().id())) {
                        return mine.info().extensionPoint() + " id '" + mine.info().id()
                                + "' is already provided by plugin " + other.id;
                    }
                }
            }
        }
        return null;
    }

    private void recordBroken(Path archive, String fileName, String error) {
        LoadedPlugin broken = new LoadedPlugin(fileName, archive);
        broken.error = error;
        try {
            broken.sha256 = Sha256.of(archive);
        } catch (IOException e) {
            broken.sha256 = null;
        }
        plugins.put(fileName, broken);
        LOG.log(System.Logger.Level.WARNING, "plugin archive {0} not loaded: {1}", fileName, error);
    }

    private static void requireLoaded(LoadedPlugin plugin) {
        if (!plugin.inPf4j) {
            throw new IllegalStateException("plugin " + plugin.id + " never loaded (" + (plugin.error != null
                    ? plugin.error + "); uninstall it and upload a fixed archive" : plugin.heldReason + ")"));
        }
    }

    static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder(cause.toString());
        for (Throwable c = cause.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            text.append(" caused by ").append(c);
        }
        return text.toString();
    }
}
