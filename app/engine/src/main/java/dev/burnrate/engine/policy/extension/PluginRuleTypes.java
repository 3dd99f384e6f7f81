package dev.burnrate.engine.policy.extension;

import dev.burnrate.api.RuleParameter;
import dev.burnrate.api.RuleTypeProvider;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.rules.RuleFields;
import dev.burnrate.engine.policy.schema.FieldSpec;
import dev.burnrate.engine.policy.schema.ObjectSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes a plugin's {@link RuleTypeProvider} a {@link RuleType} like the built-in ones: its parameters become the
 * schema (plus the portal's {@code action} field, default deny), and a validated rule becomes a {@link PluginRule}
 * that finds the plugin again through a {@link RuleTypeLookup} each time it is evaluated.
 */
public final class PluginRuleTypes {

    private PluginRuleTypes() {
    }

    /**
     * Reads the provider's name, description and parameters (plugin calls: they may throw, e.g. when they time
     * out).
     *
     * @throws IllegalArgumentException when the declaration is unusable (bad name, reserved or malformed
     *                                  parameter, a default that does not fit its type); the message says which
     */
    public static RuleType of(String pluginId, RuleTypeProvider provider, RuleTypeLookup lookup) {
        String name = provider.ruleType();
        String description = provider.description();
        List<RuleParameter> declared = provider.parameters();
        if (declared == null || declared.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("parameters() of rule type '" + name + "' returned null or a null "
                    + "entry");
        }
        List<RuleParameter> parameters = List.copyOf(declared);
        List<FieldSpec> fields = new ArrayList<>();
        for (RuleParameter parameter : parameters) {
            fields.add(RuleParameters.field(parameter));
        }
        fields.add(RuleFields.action(RuleAction.DENY));
        if (name == null) {
            throw new IllegalArgumentException("plugin " + pluginId + " declares a rule type without a name");
        }
        String text = description == null || description.isBlank() ? "Rule type of plugin " + pluginId + "."
                : description;
        return new RuleType(name, text, ObjectSchema.of(fields), (id, config) -> {
            Map<String, Object> values = RuleParameters.read(parameters, config);
            List<String> problems;
            try {
                problems = provider.validate(values);
            } catch (RuntimeException e) {
                // The plugin cannot check its parameters now; its rule will say so when it is evaluated.
                problems = List.of();
            }
            if (problems != null && !problems.isEmpty()) {
                throw config.error("type", name + ": " + String.join("; ", problems));
            }
            return new PluginRule(id, name, pluginId, values, RuleFields.action(config, RuleAction.DENY), lookup);
        }, pluginId);
    }

    /**
     * The base registry plus every plugin rule type that can be registered. A type that cannot (its plugin's
     * declaration fails or is unusable, or its name is taken by a built-in or an earlier plugin's type) is left out
     * and named in {@link Registered#problems()}, so one bad plugin does not hide the others' types.
     */
    public static Registered register(RuleRegistry base, List<RuleTypeLookup.PluginRuleSource> sources,
                                      RuleTypeLookup lookup) {
        RuleRegistry registry = base;
        List<String> problems = new ArrayList<>();
        Map<String, RuleTypeLookup.PluginRuleSource> byName = new java.util.TreeMap<>();
        for (RuleTypeLookup.PluginRuleSource source : sources) {
            try {
                RuleType type = of(source.pluginId(), source.provider(), lookup);
                registry = registry.with(type);
                byName.put(type.name(), source);
            } catch (RuntimeException e) {
                problems.add("plugin " + source.pluginId() + ": rule type left out: " + e.getMessage());
            }
        }
        return new Registered(registry, Map.copyOf(byName), List.copyOf(problems));
    }

    /**
     * A registry with the plugin types that could be registered, the plugin extension behind each by type name, and
     * why the others could not be registered.
     */
    public record Registered(RuleRegistry registry, Map<String, RuleTypeLookup.PluginRuleSource> sources,
                             List<String> problems) {
    }
}
