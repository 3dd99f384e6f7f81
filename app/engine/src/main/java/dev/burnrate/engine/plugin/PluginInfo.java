package dev.burnrate.engine.plugin;

import java.util.List;

/**
 * What the host knows about one plugin, for the admin view.
 *
 * @param id          PF4J plugin id (or the file name when the archive has no readable id)
 * @param version     plugin version, or {@code null} when unreadable
 * @param provider    who made it, from the manifest
 * @param description from the manifest
 * @param requires    the API range it declares
 * @param state       see {@link HostPluginState}
 * @param extensions  what it contributes while started
 * @param error       why it failed or was suspended, else {@code null}
 * @param sha256      hex SHA-256 of the installed archive
 * @param fileName    the archive's name in the plugins folder
 */
public record PluginInfo(String id, String version, String provider, String description, String requires,
                         HostPluginState state, List<ExtensionInfo> extensions, String error, String sha256,
                         String fileName) {

    public PluginInfo {
        extensions = List.copyOf(extensions == null ? List.of() : extensions);
    }
}
