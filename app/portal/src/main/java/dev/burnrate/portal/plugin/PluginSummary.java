package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.ExtensionInfo;
import dev.burnrate.engine.plugin.HostPluginState;
import java.time.Instant;
import java.util.List;

/**
 * A row of Admin > Plugins: what the host says about a plugin plus its install record.
 *
 * @param source      built-in, uploaded, or {@code null} for an archive put into the folder by hand
 * @param installedAt when its current install was recorded, or {@code null}
 * @param warnings    what works but not as the author may think (e.g. accelerator names no hardware catalog knows)
 */
public record PluginSummary(String id, String version, String provider, String description, HostPluginState state,
                            List<ExtensionInfo> extensions, String error, String sha256, String fileName,
                            PluginSource source, Instant installedAt, String installedBy, List<String> warnings) {

    public PluginSummary {
        extensions = List.copyOf(extensions);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Readable list of what it contributes, e.g. "CloudProvider aws". */
    public String extensionsText() {
        return String.join(", ", extensions.stream().map(e -> e.extensionPoint() + " " + e.id()).toList());
    }
}
