package dev.burnrate.portal.plugin;

/**
 * What an upload did.
 *
 * @param plugin          the installed plugin
 * @param replacedVersion the version it upgraded in place, or {@code null} when the plugin was new
 */
public record PluginInstallOutcome(PluginSummary plugin, String replacedVersion) {

    public boolean upgraded() {
        return replacedVersion != null;
    }
}
