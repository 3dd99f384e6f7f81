package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.PluginInfo;
import dev.burnrate.portal.provisioning.ResourceRepository;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The live resources an uninstall would leave without a provider: those of every cloud provider the plugin offers
 * now, or offered when it was installed (a disabled or failed plugin has no live extensions to ask). Every team's
 * resources count: the caller is an administrator deciding for the whole portal.
 */
@Component
class PluginOrphans {
    private final PluginInstallRepository installs;
    private final ResourceRepository resources;

    PluginOrphans(PluginInstallRepository installs, ResourceRepository resources) {
        this.installs = installs;
        this.resources = resources;
    }

    /** Runs inside the caller's transaction. */
    List<OrphanedResource> of(PluginInfo plugin) {
        return resources.liveOf(providerIds(plugin)).stream()
                .map(r -> new OrphanedResource(r.id(), r.name(), r.team(), r.owner(), r.providerId(), r.state()))
                .toList();
    }

    /** The provider ids to record for an install: what it offers now, else what its last install offered. */
    Set<String> providerIds(PluginInfo plugin) {
        Set<String> ids = new LinkedHashSet<>();
        plugin.extensions().stream().filter(e -> "CloudProvider".equals(e.extensionPoint()))
                .forEach(e -> ids.add(e.id()));
        ids.addAll(installs.recordedProviderIds(plugin.id()));
        return ids;
    }
}
