package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import java.util.List;
import java.util.Optional;

/**
 * The cloud provider plugins provisioning may use. A port: the plugin host implements it with the providers it
 * loaded; {@link SpringCloudProviders} serves providers registered as Spring beans until then (and in tests).
 */
public interface CloudProviders {

    List<CloudProvider> all();

    default Optional<CloudProvider> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
