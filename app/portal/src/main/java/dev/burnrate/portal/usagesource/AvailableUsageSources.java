package dev.burnrate.portal.usagesource;

import dev.burnrate.api.UsageSource;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.engine.plugin.PluginHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The usage sources that can run now: those the portal itself contributes (Spring beans, plugin id
 * {@value #BUILT_IN}) and those of every started plugin (guarded: calls time out, faults are reported).
 */
@Component
public class AvailableUsageSources {
    static final String BUILT_IN = "built-in";

    private final PluginHost host;
    private final List<UsageSource> builtIn;

    public AvailableUsageSources(PluginHost host, List<UsageSource> builtIn) {
        this.host = host;
        this.builtIn = List.copyOf(builtIn);
    }

    /** A source and the plugin it comes from. */
    public record Found(String pluginId, UsageSource source) {
        public String id() {
            return source.id();
        }
    }

    public List<Found> all() {
        List<Found> found = new ArrayList<>();
        builtIn.forEach(s -> found.add(new Found(BUILT_IN, s)));
        for (PluginExtension<UsageSource> e : host.extensions(UsageSource.class)) {
            found.add(new Found(e.pluginId(), e.extension()));
        }
        return found;
    }

    public Optional<Found> find(String sourceId) {
        return all().stream().filter(f -> f.id().equals(sourceId)).findFirst();
    }
}
