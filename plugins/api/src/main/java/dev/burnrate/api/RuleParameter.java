package dev.burnrate.api;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a plugin's policy rule type, as policy YAML writes it under the rule (since API 1.3.0). The
 * portal validates every rule against these declarations before the rule reaches
 * {@link RuleTypeProvider#evaluate}, shows them in the Policies page's "Rule types" tab, and refuses a policy whose
 * rule misses a required parameter, gives an unknown one, or gives a value of the wrong type.
 *
 * @param name         the YAML key: lower_snake_case ({@code [a-z][a-z0-9_]*}); {@code type}, {@code id},
 *                     {@code description} and {@code action} are the portal's own and may not be declared
 * @param type         the value's shape
 * @param required     whether every rule of this type must give it
 * @param description  what it means, for the Rule types tab
 * @param allowed      the only values allowed (for {@link Type#STRING} and the items of {@link Type#STRING_LIST});
 *                     empty for any
 * @param defaultValue the value used when the rule omits it, as text (documentation and
 *                     {@link RuleTypeProvider#evaluate} both see it); {@code null} for none
 */
public record RuleParameter(String name, Type type, boolean required, String description, List<String> allowed,
                            String defaultValue) {

    /** The YAML shapes a parameter may have (since API 1.3.0). */
    public enum Type {
        /** Any scalar, read as text. */
        STRING,
        /** A decimal number. */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A list of scalars, read as text. */
        STRING_LIST
    }

    public RuleParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowed = List.copyOf(allowed == null ? List.of() : allowed);
    }

    /** A parameter every rule of the type must give. */
    public static RuleParameter required(String name, Type type, String description) {
        return new RuleParameter(name, type, true, description, List.of(), null);
    }

    /** A parameter a rule may leave out; {@code defaultValue} (may be {@code null}) is used then. */
    public static RuleParameter optional(String name, Type type, String description, String defaultValue) {
        return new RuleParameter(name, type, false, description, List.of(), defaultValue);
    }

    /** This parameter restricted to the given values. */
    public RuleParameter allowing(String... values) {
        return new RuleParameter(name, type, required, description, List.of(values), defaultValue);
    }
}
