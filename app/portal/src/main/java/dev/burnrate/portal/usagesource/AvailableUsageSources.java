package dev.burnrate.portal.usagesource;

import dev.burnrate.api.UsageSource;
import dev.burnrate.engine.plugin.PluginExtension;
import dev.burnrate.engine.plugin.PluginHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The usage sources that can run now: the portal's own file importers ({@link BuiltinFileSource}s, plugin id
 * {@value #BUILT_IN}) and the {@link UsageSource}s of every started plugin (guarded: calls time out, faults are
 * reported).
 */
@Component
public class AvailableUsageSources {
    static final String BUILT_IN = "built-in";

    private final PluginHost host;
    private final List<BuiltinFileSource> builtIn;

    AvailableUsageSources(PluginHost host, List<BuiltinFileSource> builtIn) {
        this.host = host;
        this.builtIn = List.copyOf(builtIn);
    }

    /** A source and the plugin it comes from: a plugin's {@code source} or a built-in {@code files} source. */
    public record Found(String pluginId, UsageSource source, BuiltinFileSource files) {

        public String id() {
            return files != null ? files.id() : source.id();
        }

        /** The source's name for pages; its id when a plugin cannot even name itself. */
        public String displayName() {
            try {
                return files != null ? files.displayName() : source.displayName();
            } catch (RuntimeException e) {
                return id();
            }
        }
    }

    public List<Found> all() {
        List<Found> found = new ArrayList<>();
        builtIn.forEach(f -> found.add(new Found(BUILT_IN, null, f)));
        for (PluginExtension<UsageSource> e : host.extensions(UsageSource.class)) {
            found.add(new Found(e.pluginId(), e.extension(), null));
        }
        return found;
    }

    public Optional<Found> find(String sourceId) {
        return all().stream().filter(f -> f.id().equals(sourceId)).findFirst();
    }
}
