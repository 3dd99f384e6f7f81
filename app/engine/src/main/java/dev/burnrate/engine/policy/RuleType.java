package dev.burnrate.engine.policy;

import dev.burnrate.engine.policy.schema.ObjectSchema;
import dev.burnrate.engine.policy.schema.RuleConfig;
import dev.burnrate.engine.policy.schema.RuleConfigException;

import java.util.Objects;

/**
 * A kind of rule: its YAML name, what it does, the schema its fields are validated against, and how a validated
 * configuration becomes a {@link Rule}.
 *
 * @param origin where the type comes from, for the Rule types reference: {@link #BUILT_IN} or the id of the plugin
 *               that contributes it
 */
public record RuleType(String name, String description, ObjectSchema schema, Factory factory, String origin) {

    /** The {@link #origin()} of the portal's own rule types. */
    public static final String BUILT_IN = "built-in";

    /** Makes a rule from a configuration that has passed the schema; may refuse it for semantic reasons. */
    @FunctionalInterface
    public interface Factory {
        Rule create(String ruleId, RuleConfig config) throws RuleConfigException;
    }

    public RuleType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(origin, "origin");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("rule type names are lower_snake_case: " + name);
        }
    }

    /** A built-in rule type. */
    public RuleType(String name, String description, ObjectSchema schema, Factory factory) {
        this(name, description, schema, factory, BUILT_IN);
    }

    public boolean builtIn() {
        return BUILT_IN.equals(origin);
    }
}
