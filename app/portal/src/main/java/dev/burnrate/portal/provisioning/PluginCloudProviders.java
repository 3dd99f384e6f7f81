package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.engine.plugin.PluginHost;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The cloud providers provisioning uses: those of the started provider plugins (guarded by the plugin host), and
 * any registered as Spring beans (tests, embedding applications), which take precedence over a plugin with the
 * same id.
 */
@Component
class PluginCloudProviders implements CloudProviders {

    private final PluginHost host;
    private final ObjectProvider<CloudProvider> beans;

    PluginCloudProviders(PluginHost host, ObjectProvider<CloudProvider> beans) {
        this.host = host;
        this.beans = beans;
    }

    @Override
    public List<CloudProvider> all() {
        // one provider per id (the first in bean order): the sweep must not ask a second "aws" about the first's
        List<CloudProvider> providers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CloudProvider bean : beans.orderedStream().toList()) {
            if (ids.add(bean.id())) {
                providers.add(bean);
            }
        }
        for (PluginExtension<CloudProvider> extension : host.extensions(CloudProvider.class)) {
            CloudProvider provider = extension.extension();
            if (ids.add(provider.id())) {
                providers.add(provider);
            }
        }
        return providers;
    }
}
