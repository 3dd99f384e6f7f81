package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import java.util.List;
import java.util.Optional;

/**
 * The cloud providers provisioning may use; {@link PluginCloudProviders} serves the provider plugins.
 */
public interface CloudProviders {

    List<CloudProvider> all();

    default Optional<CloudProvider> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
