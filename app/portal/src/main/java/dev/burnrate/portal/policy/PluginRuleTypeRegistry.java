package dev.burnrate.portal.policy;

import dev.burnrate.api.RuleTypeProvider;
import dev.burnrate.engine.plugin.PluginHost;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.budget.PlannedBudgets;
import dev.burnrate.engine.policy.extension.PluginRuleTypes;
import dev.burnrate.engine.policy.extension.RuleTypeLookup;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule types policies may use now: the built-in ones plus those of the started plugins' {@link RuleTypeProvider}
 * extensions. Rebuilt when the plugin host's set of usable extensions changes (install, enable, disable, uninstall,
 * suspension), so a plugin's type is usable as soon as it starts; evaluation asks here for the plugin behind a rule
 * each time, so a rule whose plugin went away says so instead of calling it.
 */
@Component
public class PluginRuleTypeRegistry implements Supplier<RuleRegistry>, RuleTypeLookup {

    private static final Logger log = LoggerFactory.getLogger(PluginRuleTypeRegistry.class);

    private final PluginHost host;
    private final RuleRegistry builtIn;
    private Snapshot snapshot;

    public PluginRuleTypeRegistry(PluginHost host, PlannedBudgets plans) {
        this.host = host;
        this.builtIn = RuleRegistry.standard(plans);
    }

    private record Snapshot(long generation, PluginRuleTypes.Registered registered) {
    }

    @Override
    public RuleRegistry get() {
        return current().registry();
    }

    @Override
    public Optional<PluginRuleSource> find(String ruleType) {
        return Optional.ofNullable(current().sources().get(ruleType));
    }

    /** Why a started plugin's rule type is not usable (a clash or a broken declaration), one line each. */
    public List<String> problems() {
        return current().problems();
    }

    private synchronized PluginRuleTypes.Registered current() {
        long generation = host.generation();
        if (snapshot == null || snapshot.generation() != generation) {
            List<PluginRuleSource> sources = host.extensions(RuleTypeProvider.class).stream()
                    .map(e -> new PluginRuleSource(e.pluginId(), e.extension())).toList();
            PluginRuleTypes.Registered registered = PluginRuleTypes.register(builtIn, sources, this);
            registered.problems().forEach(problem -> log.warn("Policy rule types: {}", problem));
            snapshot = new Snapshot(generation, registered);
        }
        return snapshot.registered();
    }
}
