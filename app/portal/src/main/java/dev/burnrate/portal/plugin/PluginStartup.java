package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.portal.security.SystemRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: load the plugins folder, then install the built-in plugins that were never installed (an
 * administrator who uninstalled one keeps it uninstalled), then warm the catalog off the request threads. Runs
 * before the demo data (order 10), which may read offerings.
 */
@Component
@Order(6) // after FirstAdmin (5): suspensions found at start-up are reported to the administrators
class PluginStartup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(PluginStartup.class);

    private final PluginHost host;
    private final PluginAdminService admin;
    private final BuiltinPlugins builtins;
    private final PluginCatalogService catalog;

    PluginStartup(PluginHost host, PluginAdminService admin, BuiltinPlugins builtins, PluginCatalogService catalog) {
        this.host = host;
        this.admin = admin;
        this.builtins = builtins;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            host.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the plugins folder " + host.config().pluginsDir(), e);
        }
        SystemRunner.runAsSystem(() -> admin.installBuiltins(builtins.list()));
        long started = host.plugins().stream()
                .filter(p -> p.state() == dev.burnrate.engine.plugin.HostPluginState.STARTED).count();
        log.info("Plugins: {} of {} started from {}", started, host.plugins().size(), host.config().pluginsDir());
        catalog.warmInBackground();
    }
}
