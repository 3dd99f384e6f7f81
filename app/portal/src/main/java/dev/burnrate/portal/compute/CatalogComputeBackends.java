package dev.burnrate.portal.compute;

import dev.burnrate.api.ComputeBackend;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.portal.plugin.PluginCatalogService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The compute backends of the enabled plugins, as the plugin catalog service lists them: guarded proxies, so a
 * backend that throws or hangs fails its own launch (the calibration then records the problem) and not the portal.
 */
@Component
class CatalogComputeBackends implements PluginComputeBackends {

    private final PluginCatalogService catalog;

    CatalogComputeBackends(PluginCatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<ComputeBackend> backends() {
        return catalog.computeBackends().stream().map(PluginExtension::extension).toList();
    }
}
