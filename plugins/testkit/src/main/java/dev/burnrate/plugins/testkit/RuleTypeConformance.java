package dev.burnrate.plugins.testkit;

import dev.burnrate.api.RuleParameter;
import dev.burnrate.api.RuleTypeProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the declaration of a {@link RuleTypeProvider} the way the portal registers it: a lower_snake_case name that
 * no built-in type has, a description, and parameters with valid, unique, non-reserved names whose defaults fit
 * their types (since API 1.3.0). A type failing these is left out of the portal's Rule types.
 */
public final class RuleTypeConformance {
    /** The portal's built-in rule types: a plugin type of the same name is left out. */
    public static final Set<String> BUILT_IN_TYPES = Set.of("budget", "data_residency", "hipaa", "encryption",
            "private_networking", "required_tags", "allowed_hardware", "max_hourly_cost",
            "spot_requires_checkpointing", "no_spot_for_deadline_critical");
    /** Fields the portal gives every rule itself. */
    public static final Set<String> RESERVED_PARAMETERS = Set.of("type", "id", "description", "action");
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** Finding codes: short, lower-case words joined by dashes, like the portal's own. */
    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private RuleTypeConformance() {
    }

    public static List<Violation> check(RuleTypeProvider provider) {
        List<Violation> violations = new ArrayList<>();
        Checks.checkIdentity(provider, "rule type provider", violations);
        String subject = "rule type " + provider.ruleType();
        String name = provider.ruleType();
        if (name == null || !NAME.matcher(name).matches()) {
            violations.add(new Violation(subject, "type-name", "ruleType() must be lower_snake_case but is '"
                    + name + "'"));
        } else if (BUILT_IN_TYPES.contains(name)) {
            violations.add(new Violation(subject, "type-name", "'" + name + "' is a built-in rule type's name"));
        }
        if (Checks.isBlank(provider.description())) {
            violations.add(new Violation(subject, "description", "description() must not be blank"));
        }
        List<RuleParameter> parameters = provider.parameters();
        if (parameters == null) {
            violations.add(new Violation(subject, "parameters", "parameters() must not return null"));
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (RuleParameter p : parameters) {
            checkParameter(subject, p, seen, violations);
        }
        return violations;
    }

    private static void checkParameter(String subject, RuleParameter p, Set<String> seen, List<Violation> violations) {
        String where = subject + " parameter " + p.name();
        if (!NAME.matcher(p.name()).matches()) {
            violations.add(new Violation(where, "parameter-name", "parameter names must be lower_snake_case"));
        }
        if (RESERVED_PARAMETERS.contains(p.name())) {
            violations.add(new Violation(where, "parameter-name", "'" + p.name() + "' is the portal's own field"));
        }
        if (!seen.add(p.name())) {
            violations.add(new Violation(where, "parameter-unique", "declared twice"));
        }
        if (!p.allowed().isEmpty() && p.type() != RuleParameter.Type.STRING
                && p.type() != RuleParameter.Type.STRING_LIST) {
            violations.add(new Violation(where, "parameter-allowed", "allowed values need a STRING or STRING_LIST "
                    + "parameter"));
        }
        if (p.defaultValue() != null && !fits(p.type(), p.defaultValue())) {
            violations.add(new Violation(where, "parameter-default", "default '" + p.defaultValue()
                    + "' is not a " + p.type() + " value"));
        }
        if (p.required() && p.defaultValue() != null) {
            violations.add(new Violation(where, "parameter-default", "a required parameter's default is never "
                    + "used; make it optional or drop the default"));
        }
    }

    private static boolean fits(RuleParameter.Type type, String text) {
        try {
            switch (type) {
                case NUMBER -> Double.parseDouble(text);
                case INTEGER -> Long.parseLong(text.trim());
                case BOOLEAN -> {
                    return text.equals("true") || text.equals("false");
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
