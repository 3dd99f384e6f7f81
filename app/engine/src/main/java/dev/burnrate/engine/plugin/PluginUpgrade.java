package dev.burnrate.engine.plugin;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.plugins.checker.PluginPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.DefaultVersionManager;

/**
 * Replaces an installed plugin by a newer version of it, in place. PF4J holds one plugin per id, so the old version
 * is unloaded only for the swap, under the host's lock (no caller gets extensions in between); its archive stays in
 * the folder until the new version has loaded, started and answered its check calls. If any of that fails, the new
 * archive is removed and the old version is loaded and started again from its archive, as it was.
 * The plugin id stays the same, so its settings and stored state (both keyed by id) carry over, and resources of
 * its providers reach the new version through the same provider ids. A new version that drops a provider id of the
 * old one is refused: that provider's resources would be left without one.
 */
final class PluginUpgrade {
    private static final DefaultVersionManager VERSIONS = new DefaultVersionManager();

    private final PluginHostConfig config;
    private final PluginLifecycle lifecycle;
    private final Map<String, LoadedPlugin> plugins;

    PluginUpgrade(PluginHostConfig config, PluginLifecycle lifecycle, Map<String, LoadedPlugin> plugins) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.plugins = plugins;
    }

    /** Refuses the same or an older version with a message saying which; a newer one passes. */
    static void refuseUnlessNewer(LoadedPlugin old, PluginPackage pkg) throws PluginInstallException {
        int order = VERSIONS.compareVersions(pkg.version(), old.version);
        if (order == 0) {
            throw new PluginInstallException(pkg.fileName() + " was not installed: plugin '" + pkg.id()
                    + "' version " + old.version + " is already installed; upload a newer version to upgrade it");
        }
        if (order < 0) {
            throw new PluginInstallException(pkg.fileName() + " was not installed: it is a downgrade of plugin '"
                    + pkg.id() + "' from " + old.version + " to " + pkg.version() + "; uninstall version "
                    + old.version + " first to go back to an older one");
        }
    }

    /**
     * Swaps {@code old} for the staged archive.
     *
     * @return the started new version
     * @throws PluginInstallException when the new version fails; the old version then runs again as before
     */
    LoadedPlugin replace(LoadedPlugin old, Path staged, PluginPackage pkg) throws PluginInstallException {
        refuseUnlessNewer(old, pkg);
        if (!old.inPf4j) {
            throw new PluginInstallException(pkg.fileName() + " was not installed: plugin '" + pkg.id()
                    + "' is installed but not loaded (" + (old.error != null ? old.error : old.heldReason)
                    + "); uninstall it first");
        }
        Path installed = config.pluginsDir().resolve(pkg.installedFileName());
        if (Files.exists(installed)) {
            throw new PluginInstallException("the plugins folder already holds " + pkg.installedFileName());
        }
        HostPluginState stateBefore = lifecycle.state(old);
        Set<String> providersBefore = providerIds(old);
        try {
            Files.move(staged, installed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PluginInstallException(pkg.fileName() + " was not installed: " + e.getMessage(), e);
        }
        lifecycle.detach(old);
        plugins.remove(old.id);
        LoadedPlugin fresh = null;
        try {
            fresh = lifecycle.load(installed, pkg);
            if (fresh.inPf4j && fresh.error == null) {
                lifecycle.start(fresh);
            }
            if (fresh.error == null && stateBefore == HostPluginState.STARTED) {
                fresh.error = lostProviders(providersBefore, fresh);
            }
            if (fresh.error != null) {
                throw new PluginInstallException(pkg.fileName() + " (plugin " + pkg.id() + " " + pkg.version()
                        + ") was not installed: " + fresh.error + "; version " + old.version + " still runs");
            }
            plugins.put(fresh.id, fresh);
            PluginHost.deleteQuietly(old.path);
            return fresh;
        } catch (PluginInstallException | RuntimeException e) {
            if (fresh != null) {
                lifecycle.detach(fresh);
            }
            PluginHost.deleteQuietly(installed);
            plugins.put(old.id, lifecycle.reattach(old, stateBefore));
            throw e;
        }
    }

    private static Set<String> providerIds(LoadedPlugin plugin) {
        Set<String> ids = new LinkedHashSet<>();
        for (LoadedPlugin.Live live : plugin.extensions) {
            if (live.proxy() instanceof CloudProvider) {
                ids.add(live.info().id());
            }
        }
        return ids;
    }

    private static String lostProviders(Set<String> before, LoadedPlugin fresh) {
        Set<String> lost = new LinkedHashSet<>(before);
        lost.removeAll(providerIds(fresh));
        return lost.isEmpty() ? null : "it no longer provides CloudProvider " + String.join(", ", List.copyOf(lost))
                + " of the installed version, whose resources would be left without a provider";
    }
}
