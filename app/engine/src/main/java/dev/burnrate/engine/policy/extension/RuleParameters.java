package dev.burnrate.engine.policy.extension;

import dev.burnrate.api.RuleParameter;
import dev.burnrate.engine.policy.schema.FieldSpec;
import dev.burnrate.engine.policy.schema.FieldType;
import dev.burnrate.engine.policy.schema.RuleConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Translates a plugin's declared parameters into the engine's schema, and a validated rule into their values. */
final class RuleParameters {
    /** Fields every rule has (type, id, description) and the action the portal adds to plugin rules. */
    static final Set<String> RESERVED = Set.of("type", "id", "description", "action");
    private static final String NAME = "[a-z][a-z0-9_]*";

    private RuleParameters() {
    }

    /** The engine's field for a declared parameter; refuses names the portal owns and malformed ones. */
    static FieldSpec field(RuleParameter p) {
        if (!p.name().matches(NAME)) {
            throw new IllegalArgumentException("parameter names are lower_snake_case: '" + p.name() + "'");
        }
        if (RESERVED.contains(p.name())) {
            throw new IllegalArgumentException("parameter '" + p.name() + "' is the portal's own; choose another "
                    + "name");
        }
        FieldType type = switch (p.type()) {
            case STRING -> FieldType.STRING;
            case NUMBER -> FieldType.NUMBER;
            case INTEGER -> FieldType.INTEGER;
            case BOOLEAN -> FieldType.BOOLEAN;
            case STRING_LIST -> FieldType.STRING_LIST;
        };
        FieldSpec spec = p.required() ? FieldSpec.required(p.name(), type, p.description())
                : FieldSpec.optional(p.name(), type, p.description());
        if (!p.allowed().isEmpty()) {
            spec = spec.allowed(p.allowed());
        }
        if (p.defaultValue() != null) {
            convert(p, p.defaultValue()); // a default that does not fit its own type is the plugin's bug
            spec = spec.defaultValue(p.defaultValue());
        }
        return spec;
    }

    /** The values a rule gives, typed as {@link dev.burnrate.api.RuleTypeProvider#evaluate} documents. */
    static Map<String, Object> read(List<RuleParameter> declared, RuleConfig config) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RuleParameter p : declared) {
            if (config.has(p.name())) {
                values.put(p.name(), switch (p.type()) {
                    case STRING -> config.string(p.name()).orElseThrow();
                    case NUMBER -> config.number(p.name(), 0);
                    case INTEGER -> (long) config.number(p.name(), 0);
                    case BOOLEAN -> config.bool(p.name(), false);
                    case STRING_LIST -> config.strings(p.name());
                });
            } else if (p.defaultValue() != null) {
                values.put(p.name(), convert(p, p.defaultValue()));
            }
        }
        return java.util.Collections.unmodifiableMap(values);
    }

    private static Object convert(RuleParameter p, String text) {
        try {
            return switch (p.type()) {
                case STRING -> text;
                case NUMBER -> Double.parseDouble(text);
                case INTEGER -> Long.parseLong(text.trim());
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new IllegalArgumentException("not true or false");
                    }
                    yield Boolean.parseBoolean(text);
                }
                case STRING_LIST -> text.isBlank() ? List.of()
                        : Arrays.stream(text.split(",")).map(String::strip).toList();
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + p.name() + "': default '" + text + "' is not a "
                    + p.type().name().toLowerCase(java.util.Locale.ROOT) + " value", e);
        }
    }
}
