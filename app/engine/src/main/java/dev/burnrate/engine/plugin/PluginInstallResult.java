package dev.burnrate.engine.plugin;

/**
 * What {@link PluginHost#installOrUpgrade} did.
 *
 * @param plugin          the installed (started) plugin
 * @param replacedVersion the version it replaced in place, or {@code null} when the plugin was new
 */
public record PluginInstallResult(PluginInfo plugin, String replacedVersion) {

    public boolean upgraded() {
        return replacedVersion != null;
    }
}
