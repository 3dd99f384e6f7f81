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

/** Encryption at rest and/or in transit must be switched on, in a region that supports it. */
public record EncryptionRule(String id, boolean atRest, boolean inTransit, RuleAction action) implements Rule {

    public static final RuleType TYPE = new RuleType("encryption",
            "Encryption at rest and in transit required.",
            ObjectSchema.of(
                    FieldSpec.optional("at_rest", FieldType.BOOLEAN, "require encryption at rest").defaultValue(true),
                    FieldSpec.optional("in_transit", FieldType.BOOLEAN, "require encryption in transit")
                            .defaultValue(true),
                    RuleFields.action(RuleAction.DENY)),
            (id, config) -> {
                boolean atRest = config.bool("at_rest", true);
                boolean inTransit = config.bool("in_transit", true);
                if (!atRest && !inTransit) {
                    throw config.error("at_rest", "the rule requires nothing: set at_rest or in_transit to true");
                }
                return new EncryptionRule(id, atRest, inTransit, RuleFields.action(config, RuleAction.DENY));
            });

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        List<Finding> findings = new ArrayList<>();
        if (atRest) {
            check(input, "at rest", "at-rest", input.encryptedAtRest(),
                    input.region().compliance().encryptionAtRest(), findings);
        }
        if (inTransit) {
            check(input, "in transit", "in-transit", input.encryptedInTransit(),
                    input.region().compliance().encryptionInTransit(), findings);
        }
        return findings;
    }

    private void check(PolicyInput input, String what, String code, boolean requested, boolean supported,
                       List<Finding> findings) {
        if (!requested) {
            findings.add(Finding.of(action, "encryption-" + code + "-off",
                    "Encryption " + what + " is required; switch it on for this request.",
                    RuleFields.where(input).put("encryption_" + code.replace('-', '_'), false)));
        } else if (!supported) {
            findings.add(Finding.of(action, "encryption-" + code + "-unsupported",
                    "Encryption " + what + " is required, and " + input.providerId() + " does not offer it in "
                            + input.region().id() + ".",
                    RuleFields.where(input).put("region_encryption_" + code.replace('-', '_'), false)));
        }
    }
}
