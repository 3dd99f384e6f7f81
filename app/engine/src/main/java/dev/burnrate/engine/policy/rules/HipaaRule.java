package dev.burnrate.engine.policy.rules;

import dev.burnrate.engine.policy.EvaluationContext;
import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.schema.FieldSpec;
import dev.burnrate.engine.policy.schema.FieldType;
import dev.burnrate.engine.policy.schema.ObjectSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HIPAA: workloads holding protected health information (classified {@code phi}, or tagged {@code phi: true}) run
 * only in regions whose compute services the provider lists as HIPAA-eligible, optionally only on named services,
 * and always encrypted at rest and in transit.
 */
public record HipaaRule(String id, List<String> classifications, List<String> tagKeys, List<String> eligibleServices,
                        RuleAction action) implements Rule {

    private static final Set<String> TRUE_VALUES = Set.of("true", "yes", "1", "y");

    public static final RuleType TYPE = new RuleType("hipaa",
            "PHI workloads only on HIPAA-eligible regions and services, encrypted.",
            ObjectSchema.of(
                    FieldSpec.optional("classifications", FieldType.STRING_LIST, "classifications that mean PHI")
                            .defaultValue("[phi]"),
                    FieldSpec.optional("tag_keys", FieldType.STRING_LIST, "tags whose true value marks PHI")
                            .defaultValue("[phi]"),
                    FieldSpec.optional("eligible_services", FieldType.STRING_LIST,
                            "billing service names allowed for PHI; absent = the region's HIPAA fact decides"),
                    RuleFields.action(RuleAction.DENY)),
            (id, config) -> new HipaaRule(id,
                    config.has("classifications") ? config.strings("classifications") : List.of("phi"),
                    config.has("tag_keys") ? config.strings("tag_keys") : List.of("phi"),
                    config.strings("eligible_services"),
                    RuleFields.action(config, RuleAction.DENY)));

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        if (!holdsPhi(input)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        if (!input.region().compliance().hipaaEligible()) {
            findings.add(Finding.of(action, "region-not-hipaa-eligible",
                    "PHI workloads must run in HIPAA-eligible regions; " + input.providerId() + " does not list "
                            + input.region().id() + " as eligible.",
                    RuleFields.where(input).put("hipaa_eligible", false)));
        }
        String service = input.offering() == null ? null : input.offering().serviceName();
        if (!eligibleServices.isEmpty() && !RuleFields.containsIgnoreCase(eligibleServices, service)) {
            findings.add(Finding.of(action, "service-not-hipaa-eligible",
                    "PHI workloads must use a HIPAA-eligible service; " + service + " is not on the list.",
                    RuleFields.where(input).put("service", service).put("eligible_services", eligibleServices)));
        }
        boolean encrypted = input.encryptedAtRest() && input.encryptedInTransit()
                && input.region().compliance().encryptionAtRest() && input.region().compliance().encryptionInTransit();
        if (!encrypted) {
            findings.add(Finding.of(action, "phi-not-encrypted",
                    "PHI workloads must be encrypted at rest and in transit.",
                    RuleFields.where(input).put("encrypted_at_rest", input.encryptedAtRest())
                            .put("encrypted_in_transit", input.encryptedInTransit())
                            .put("region_encryption_at_rest", input.region().compliance().encryptionAtRest())
                            .put("region_encryption_in_transit", input.region().compliance().encryptionInTransit())));
        }
        return findings;
    }

    private boolean holdsPhi(PolicyInput input) {
        if (RuleFields.containsIgnoreCase(classifications, input.dataClassification())) {
            return true;
        }
        for (Map.Entry<String, String> tag : input.tags().entrySet()) {
            if (RuleFields.containsIgnoreCase(tagKeys, tag.getKey())
                    && TRUE_VALUES.contains(RuleFields.lower(tag.getValue()))) {
                return true;
            }
        }
        return false;
    }
}
