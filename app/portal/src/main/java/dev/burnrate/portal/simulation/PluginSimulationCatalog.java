package dev.burnrate.portal.simulation;

import dev.burnrate.api.HardwareSpec;
import dev.burnrate.portal.plugin.CatalogFilter;
import dev.burnrate.portal.plugin.CatalogSort;
import dev.burnrate.portal.plugin.PluginCatalogService;
import java.util.List;
import org.springframework.stereotype.Component;

/** The simulator's view of the plugin catalog: every provider's offerings with their jurisdiction, and the specs. */
@Component
class PluginSimulationCatalog implements SimulationCatalog {

    private final PluginCatalogService catalog;

    PluginSimulationCatalog(PluginCatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Entry> offerings() {
        return catalog.offerings(CatalogFilter.ALL, CatalogSort.ON_DEMAND, true, 0, Integer.MAX_VALUE).stream()
                .map(o -> new Entry(o.offering(), o.providerName(), o.jurisdiction())).toList();
    }

    @Override
    public List<HardwareSpec> hardware() {
        return catalog.hardware();
    }
}
