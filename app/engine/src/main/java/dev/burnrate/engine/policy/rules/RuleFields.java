package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.Evidence;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.schema.FieldSpec;
import dev.burnrate.engine.policy.schema.FieldType;
import dev.burnrate.engine.policy.schema.RuleConfig;

import java.util.List;
import java.util.Locale;

/** Fields and evidence several rule types share. */
public final class RuleFields {

    private RuleFields() {
    }

    /** The optional {@code action} field: what a violation asks for. */
    public static FieldSpec action(RuleAction defaultAction) {
        return FieldSpec.optional("action", FieldType.STRING, "what a violation asks for")
                .allowed(RuleAction.yamlNames()).defaultValue(defaultAction.yamlName());
    }

    public static RuleAction action(RuleConfig config, RuleAction defaultAction) {
        return RuleAction.fromYaml(config.string("action", defaultAction.yamlName()));
    }

    /** Where a request runs, as evidence: provider, region, its name, country and jurisdiction. */
    public static Evidence where(PolicyInput input) {
        return Evidence.builder()
                .put("provider", input.providerId())
                .put("region", input.region().id())
                .put("region_name", input.region().name())
                .put("geography", input.region().geography())
                .put("jurisdiction", input.region().jurisdiction());
    }

    static boolean containsIgnoreCase(List<String> values, String value) {
        return value != null && values.stream().anyMatch(value::equalsIgnoreCase);
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
