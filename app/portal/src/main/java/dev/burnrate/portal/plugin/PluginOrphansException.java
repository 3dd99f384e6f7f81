package dev.burnrate.portal.plugin;

import java.util.List;

/** An uninstall was refused because live resources would lose their provider; nothing was changed. */
public class PluginOrphansException extends IllegalStateException {
    private final List<OrphanedResource> resources;

    public PluginOrphansException(String pluginId, List<OrphanedResource> resources) {
        super("plugin " + pluginId + " was not uninstalled: " + resources.size() + " live resource"
                + (resources.size() == 1 ? "" : "s") + " would be left without a provider ("
                + String.join(", ", resources.stream().limit(5).map(OrphanedResource::id).toList())
                + (resources.size() > 5 ? ", …" : "") + "); stop and delete them first, or confirm orphaning them");
        this.resources = List.copyOf(resources);
    }

    public List<OrphanedResource> resources() {
        return resources;
    }
}
