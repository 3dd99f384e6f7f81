package dev.burnrate.portal.plugin;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What works in a plugin, but not as its author may think, for its row in Admin > Plugins and the upload result:
 * offerings whose accelerator no installed hardware catalog knows (no model, no PFLOP price, skipped by
 * simulations).
 */
@Component
class PluginWarnings {
    private final PluginCatalogService catalog;

    PluginWarnings(PluginCatalogService catalog) {
        this.catalog = catalog;
    }

    List<String> of(String pluginId) {
        List<String> warnings = new ArrayList<>();
        catalog.unknownAccelerators(pluginId).forEach((name, types) -> warnings.add("accelerator '" + name
                + "' (" + String.join(", ", types) + ") is not a name any installed hardware catalog knows: the "
                + "catalog shows no model or PFLOP price for these offerings and simulations skip them; use a "
                + "model name or alias from the plugin guide's list"));
        return warnings;
    }
}
