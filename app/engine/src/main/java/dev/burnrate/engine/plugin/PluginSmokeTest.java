package dev.burnrate.engine.plugin;

import dev.burnrate.api.BurnrateExtension;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.HardwareCatalog;
import dev.burnrate.api.RuleTypeProvider;
import java.util.List;

/**
 * The first calls a started plugin must answer before it counts as started: the cheap methods every feature reads
 * first (every extension's display name, a provider's regions and offerings, a hardware catalog's specs, a rule type's
 * name and parameters). A compute backend's availability() and kernels() are left out: they probe devices (an OpenCL
 * platform takes seconds on a busy machine), and the compute features already treat a backend that does not answer
 * them as unavailable. They run through the extensions' guarded proxies, so each has the normal time limit: a plugin
 * whose offerings() hangs is found here, at install or start, not by the first visitor of the catalog.
 */
final class PluginSmokeTest {

    private PluginSmokeTest() {
    }

    /** @return what failed, or {@code null} when every extension answered */
    static String run(List<LoadedPlugin.Live> extensions) {
        for (LoadedPlugin.Live live : extensions) {
            try {
                call(live.proxy());
            } catch (PluginCallException e) {
                return "a check call failed: " + e.getMessage();
            } catch (RuntimeException e) {
                return "a check call failed: " + e;
            }
        }
        return null;
    }

    private static void call(BurnrateExtension extension) {
        extension.displayName();
        if (extension instanceof CloudProvider provider) {
            provider.regions();
            provider.offerings();
            provider.storageOfferings();
        }
        if (extension instanceof HardwareCatalog catalog) {
            catalog.specs();
        }
        if (extension instanceof RuleTypeProvider rules) {
            rules.ruleType();
            rules.parameters();
        }
    }
}
