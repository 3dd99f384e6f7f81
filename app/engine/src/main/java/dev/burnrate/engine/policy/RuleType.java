package dev.burnrate.engine.policy;

import dev.burnrate.engine.policy.schema.ObjectSchema;
import dev.burnrate.engine.policy.schema.RuleConfig;
import dev.burnrate.engine.policy.schema.RuleConfigException;

import java.util.Objects;

/**
 * A kind of rule: its YAML name, what it does, the schema its fields are validated against, and how a validated
 * configuration becomes a {@link Rule}.
 */
public record RuleType(String name, String description, ObjectSchema schema, Factory factory) {

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
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("rule type names are lower_snake_case: " + name);
        }
    }
}
