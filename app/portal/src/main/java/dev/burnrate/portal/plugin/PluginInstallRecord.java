package dev.burnrate.portal.plugin;

import java.time.Instant;

/** One install of a plugin archive, as recorded in {@code plugin_installs}. */
public record PluginInstallRecord(long id, String pluginId, String version, String sha256, String fileName,
                                  PluginSource source, Instant installedAt, String installedBy, Instant uninstalledAt,
                                  String uninstalledBy) {

    public boolean active() {
        return uninstalledAt == null;
    }
}
