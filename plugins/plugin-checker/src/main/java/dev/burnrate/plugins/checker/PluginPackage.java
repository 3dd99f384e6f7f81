package dev.burnrate.plugins.checker;

import java.util.List;

/**
 * A plugin archive that passed inspection, described by its manifest (jar) or plugin.properties (zip).
 *
 * @param extensionClasses the classes its extension index lists
 */
public record PluginPackage(String id, String version, String provider, String requires, String description,
                            String pluginClass, String fileName, String sha256, long sizeBytes,
                            List<String> extensionClasses) {

    public PluginPackage {
        extensionClasses = List.copyOf(extensionClasses);
    }

    public boolean isZip() {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    /** The name it gets in the plugins folder: id and version, so two uploads never share a file. */
    public String installedFileName() {
        return id + "-" + version + (isZip() ? ".zip" : ".jar");
    }
}
