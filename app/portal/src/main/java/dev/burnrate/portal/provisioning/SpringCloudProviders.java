package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Cloud providers that are Spring beans. */
@Component
class SpringCloudProviders implements CloudProviders {

    private final ObjectProvider<CloudProvider> providers;

    SpringCloudProviders(ObjectProvider<CloudProvider> providers) {
        this.providers = providers;
    }

    @Override
    public List<CloudProvider> all() {
        return providers.orderedStream().toList();
    }
}
