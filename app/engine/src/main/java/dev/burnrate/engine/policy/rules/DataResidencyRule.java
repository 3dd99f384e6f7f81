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

/**
 * Data residency (GDPR): data of the listed classifications (by default {@code personal-eu}) may only be stored
 * and processed in regions whose jurisdiction is allowed, and optionally only where the provider states the region
 * is GDPR-adequate.
 */
public record DataResidencyRule(String id, List<String> classifications, List<String> allowedJurisdictions,
                                boolean requireGdprAdequate, RuleAction action) implements Rule {

    public static final RuleType TYPE = new RuleType("data_residency",
            "Data of the given classifications only in regions of allowed jurisdictions (GDPR).",
            ObjectSchema.of(
                    FieldSpec.optional("classifications", FieldType.STRING_LIST, "data classifications it protects")
                            .defaultValue("[personal-eu]"),
                    FieldSpec.required("allowed_jurisdictions", FieldType.STRING_LIST,
                            "jurisdictions where that data may be, e.g. [EU, UK, CH]"),
                    FieldSpec.optional("require_gdpr_adequate", FieldType.BOOLEAN,
                            "also require the provider's GDPR-adequacy fact for the region").defaultValue(false),
                    RuleFields.action(RuleAction.DENY)),
            (id, config) -> {
                List<String> allowed = config.strings("allowed_jurisdictions");
                if (allowed.isEmpty()) {
                    throw config.error("allowed_jurisdictions", "name at least one allowed jurisdiction");
                }
                List<String> classes = config.has("classifications") ? config.strings("classifications")
                        : List.of("personal-eu");
                return new DataResidencyRule(id, classes, allowed, config.bool("require_gdpr_adequate", false),
                        RuleFields.action(config, RuleAction.DENY));
            });

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        if (!RuleFields.containsIgnoreCase(classifications, input.dataClassification())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        String jurisdiction = input.region().jurisdiction();
        boolean adequate = input.region().compliance().gdprAdequate();
        if (!RuleFields.containsIgnoreCase(allowedJurisdictions, jurisdiction)) {
            findings.add(Finding.of(action, "jurisdiction-not-allowed",
                    "Data classified " + input.dataClassification() + " may not be stored or processed in "
                            + input.region().id() + " (" + input.region().name() + ", jurisdiction " + jurisdiction
                            + "); allowed jurisdictions: " + String.join(", ", allowedJurisdictions) + ".",
                    RuleFields.where(input).put("data_classification", input.dataClassification())
                            .put("allowed_jurisdictions", allowedJurisdictions).put("gdpr_adequate", adequate)));
        }
        if (requireGdprAdequate && !adequate) {
            findings.add(Finding.of(action, "region-not-gdpr-adequate",
                    "Data classified " + input.dataClassification() + " needs a GDPR-adequate region, and "
                            + input.providerId() + " does not list " + input.region().id() + " as one.",
                    RuleFields.where(input).put("data_classification", input.dataClassification())
                            .put("gdpr_adequate", false)));
        }
        return findings;
    }
}
