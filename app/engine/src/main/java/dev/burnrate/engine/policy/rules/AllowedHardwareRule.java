package dev.burnrate.engine.policy.rules;

import dev.burnrate.api.Offering;
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
import java.util.Locale;

/**
 * The hardware a team may use (scope the policy to the team): accelerator models, and instance families. A family
 * {@code p5} matches {@code p5.48xlarge} but not {@code p5e.48xlarge}; an entry with {@code *} is a glob over the
 * whole instance type (e.g. {@code Standard_ND*}). CPU-only offerings pass the accelerator check unless
 * {@code allow_cpu_only} is false.
 */
public record AllowedHardwareRule(String id, List<String> accelerators, List<String> instanceFamilies,
                                  boolean allowCpuOnly, RuleAction action) implements Rule {

    public static final RuleType TYPE = new RuleType("allowed_hardware",
            "Accelerators and instance families a team may use.",
            ObjectSchema.of(
                    FieldSpec.optional("accelerators", FieldType.STRING_LIST, "accelerator models, e.g. [H100, L4]"),
                    FieldSpec.optional("instance_families", FieldType.STRING_LIST,
                            "instance families or globs, e.g. [p5, g5, Standard_NC*]"),
                    FieldSpec.optional("allow_cpu_only", FieldType.BOOLEAN, "allow offerings without accelerators")
                            .defaultValue(true),
                    RuleFields.action(RuleAction.DENY)),
            (id, config) -> {
                if (!config.has("accelerators") && !config.has("instance_families")) {
                    throw config.error("accelerators", "give 'accelerators', 'instance_families' or both");
                }
                return new AllowedHardwareRule(id, config.strings("accelerators"), config.strings("instance_families"),
                        config.bool("allow_cpu_only", true), RuleFields.action(config, RuleAction.DENY));
            });

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        Offering offering = input.offering();
        if (offering == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        var evidence = RuleFields.where(input).put("instance_type", offering.instanceType())
                .put("accelerator", offering.acceleratorName()).put("team", input.team());
        if (offering.hasAccelerator() && !accelerators.isEmpty()
                && !RuleFields.containsIgnoreCase(accelerators, offering.acceleratorName())) {
            findings.add(Finding.of(action, "accelerator-not-allowed",
                    "Team " + input.team() + " may not use " + offering.acceleratorName() + " accelerators; allowed: "
                            + String.join(", ", accelerators) + ".",
                    evidence.put("allowed_accelerators", accelerators)));
        }
        if (!offering.hasAccelerator() && !allowCpuOnly) {
            findings.add(Finding.of(action, "cpu-only-not-allowed",
                    "Team " + input.team() + " may only use accelerator offerings; " + offering.instanceType()
                            + " has none.", evidence));
        }
        if (!instanceFamilies.isEmpty() && instanceFamilies.stream()
                .noneMatch(family -> inFamily(offering.instanceType(), family))) {
            findings.add(Finding.of(action, "instance-family-not-allowed",
                    "Team " + input.team() + " may not use " + offering.instanceType() + "; allowed families: "
                            + String.join(", ", instanceFamilies) + ".",
                    evidence.put("allowed_instance_families", instanceFamilies)));
        }
        return findings;
    }

    static boolean inFamily(String instanceType, String family) {
        String type = instanceType.toLowerCase(Locale.ROOT);
        String fam = family.toLowerCase(Locale.ROOT);
        if (fam.contains("*")) {
            String regex = ("\\Q" + fam + "\\E").replace("*", "\\E.*\\Q");
            return type.matches(regex);
        }
        if (!type.startsWith(fam)) {
            return false;
        }
        return type.length() == fam.length() || !Character.isLetterOrDigit(type.charAt(fam.length()));
    }
}
