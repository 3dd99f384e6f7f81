package dev.burnrate.engine.policy.extension;

import dev.burnrate.api.RuleTypeProvider;
import java.util.Optional;

/**
 * Finds the plugin rule type usable now under a name. A parsed policy keeps its rules for as long as its version is
 * current, while the plugin behind a rule may be disabled, suspended or upgraded meanwhile: each evaluation asks
 * again instead of holding on to the extension it was parsed with.
 */
@FunctionalInterface
public interface RuleTypeLookup {

    /** The started plugin's extension contributing {@code ruleType}, if any. */
    Optional<PluginRuleSource> find(String ruleType);

    /** A plugin's rule type extension and the plugin it belongs to. */
    record PluginRuleSource(String pluginId, RuleTypeProvider provider) {
    }
}
