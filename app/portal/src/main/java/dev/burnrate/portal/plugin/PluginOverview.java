package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.HostPluginState;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.engine.plugin.PluginInfo;
import dev.burnrate.portal.home.OverviewFigure;
import dev.burnrate.portal.home.OverviewProvider;
import java.util.List;
import org.springframework.stereotype.Component;

/** Overview figures: how many plugins run, and what the catalog holds. */
@Component
class PluginOverview implements OverviewProvider {

    private final PluginHost host;
    private final PluginCatalogService catalog;

    PluginOverview(PluginHost host, PluginCatalogService catalog) {
        this.host = host;
        this.catalog = catalog;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<OverviewFigure> figures() {
        List<PluginInfo> plugins = host.plugins();
        long started = plugins.stream().filter(p -> p.state() == HostPluginState.STARTED).count();
        long broken = plugins.stream().filter(p -> p.state() == HostPluginState.FAILED
                || p.state() == HostPluginState.SUSPENDED).count();
        List<ProviderSummary> providers = catalog.providers();
        int offerings = providers.stream().mapToInt(ProviderSummary::offerings).sum();
        return List.of(
                new OverviewFigure("Plugins", "Plugins started", started + " of " + plugins.size(),
                        broken == 0 ? null : broken + " failed or suspended", "admin/plugins"),
                new OverviewFigure("Plugins", "Catalog", offerings + " offerings",
                        providers.size() + " providers, " + catalog.hardware().size() + " hardware specs", "catalog"));
    }
}
