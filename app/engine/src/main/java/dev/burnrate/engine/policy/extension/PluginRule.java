package dev.burnrate.engine.policy.extension;

import dev.burnrate.api.RuleFinding;
import dev.burnrate.engine.policy.EvaluationContext;
import dev.burnrate.engine.policy.Evidence;
import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule of a plugin's type. When the plugin cannot answer (it is gone, disabled or suspended, it throws, or it does
 * not answer in time) the rule counts as violated with its own action: a deny rule denies, an approval rule asks for
 * approval, a notify rule warns. Never a silent pass: the finding's code is {@value #UNAVAILABLE} and its message
 * says why.
 *
 * @param pluginId the plugin that contributed the type when the policy was parsed (for messages)
 */
public record PluginRule(String id, String type, String pluginId, Map<String, Object> parameters,
                         RuleAction action, RuleTypeLookup lookup) implements Rule {

    /** The code of the finding raised when the plugin could not evaluate the rule. */
    public static final String UNAVAILABLE = "plugin-rule-unavailable";

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        Optional<RuleTypeLookup.PluginRuleSource> source;
        try {
            source = lookup.find(type);
        } catch (RuntimeException e) {
            return unavailable(pluginId, "its plugin could not be found: " + e.getMessage());
        }
        if (source.isEmpty()) {
            return unavailable(pluginId, "no started plugin provides it now (plugin " + pluginId
                    + " is disabled, suspended or not installed)");
        }
        String plugin = source.get().pluginId();
        List<RuleFinding> found;
        try {
            found = source.get().provider().evaluate(parameters, RuleFactsMapper.of(input));
        } catch (RuntimeException e) {
            return unavailable(plugin, "plugin " + plugin + " failed: " + e.getMessage());
        }
        if (found == null) {
            return unavailable(plugin, "plugin " + plugin + " returned no answer (null)");
        }
        List<Finding> findings = new ArrayList<>();
        for (RuleFinding f : found) {
            if (f == null) {
                return unavailable(plugin, "plugin " + plugin + " returned a null finding");
            }
            Evidence evidence = Evidence.builder();
            f.evidence().forEach(evidence::put);
            evidence.put("rule_type", type).put("plugin", plugin);
            findings.add(Finding.of(action, f.code(), f.message(), evidence));
        }
        return findings;
    }

    private List<Finding> unavailable(String plugin, String why) {
        return List.of(Finding.of(action, UNAVAILABLE, "Rule '" + id + "' (type " + type + ") could not be "
                        + "evaluated: " + why + ". Until it can, the rule counts as violated, so its action ("
                        + action.yamlName() + ") applies.",
                Evidence.builder().put("rule_type", type).put("plugin", plugin).put("reason", why)));
    }
}
