package dev.burnrate.engine.policy.schema;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of a schema: name, type, whether it is required, and optional constraints (allowed values, a regular
 * expression, a lower bound, a nested schema). Instances are immutable; the {@code with}-style methods return
 * copies so schemas read as one expression.
 *
 * @param defaultValue the default as documentation shows it, or {@code null}
 */
public record FieldSpec(String name, FieldType type, boolean required, String description, List<String> allowed,
                        Pattern pattern, Double min, boolean minExclusive, ObjectSchema nested,
                        String defaultValue) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowed = List.copyOf(allowed == null ? List.of() : allowed);
    }

    public static FieldSpec required(String name, FieldType type, String description) {
        return new FieldSpec(name, type, true, description, List.of(), null, null, false, null, null);
    }

    public static FieldSpec optional(String name, FieldType type, String description) {
        return new FieldSpec(name, type, false, description, List.of(), null, null, false, null, null);
    }

    public FieldSpec allowed(List<String> values) {
        return new FieldSpec(name, type, required, description, values, pattern, min, minExclusive, nested,
                defaultValue);
    }

    public FieldSpec allowed(String... values) {
        return allowed(List.of(values));
    }

    public FieldSpec pattern(String regex) {
        return new FieldSpec(name, type, required, description, allowed, Pattern.compile(regex), min, minExclusive,
                nested, defaultValue);
    }

    public FieldSpec atLeast(double bound) {
        return new FieldSpec(name, type, required, description, allowed, pattern, bound, false, nested,
                defaultValue);
    }

    public FieldSpec positive() {
        return new FieldSpec(name, type, required, description, allowed, pattern, 0.0, true, nested, defaultValue);
    }

    public FieldSpec nested(ObjectSchema schema) {
        return new FieldSpec(name, type, required, description, allowed, pattern, min, minExclusive, schema,
                defaultValue);
    }

    public FieldSpec defaultValue(Object value) {
        return new FieldSpec(name, type, required, description, allowed, pattern, min, minExclusive, nested,
                String.valueOf(value));
    }
}
