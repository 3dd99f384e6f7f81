package dev.burnrate.engine.plugin;

import dev.burnrate.api.ApiVersion;
import java.nio.file.Path;
import org.pf4j.DefaultPluginManager;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager as the host uses it: one plugins folder, always deployment mode (a stray {@code pf4j.mode}
 * system property must not switch the portal to loading classes from source folders), and the API version
 * plugins declare in {@code Plugin-Requires} checked against {@link ApiVersion#CURRENT}.
 */
final class HostPluginManager extends DefaultPluginManager {

    HostPluginManager(Path pluginsDir) {
        super(pluginsDir);
        setSystemVersion(ApiVersion.CURRENT);
        setExactVersionAllowed(false);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }
}
