package dev.burnrate.engine.policy.rules;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.engine.policy.EvaluationContext;
import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.schema.ObjectSchema;

import java.util.List;

/** No spot capacity for deadline-critical work: interruptions could make it miss its deadline. */
public record NoSpotForDeadlineCriticalRule(String id, RuleAction action) implements Rule {

    public static final RuleType TYPE = new RuleType("no_spot_for_deadline_critical",
            "No spot capacity for deadline-critical work.",
            ObjectSchema.of(RuleFields.action(RuleAction.DENY)),
            (id, config) -> new NoSpotForDeadlineCriticalRule(id, RuleFields.action(config, RuleAction.DENY)));

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        if (input.purchaseOption() != PurchaseOption.SPOT || !input.deadlineCritical()) {
            return List.of();
        }
        return List.of(Finding.of(action, "spot-for-deadline-critical",
                "Deadline-critical work must not run on spot capacity, which can be interrupted; buy on-demand or "
                        + "committed capacity.",
                RuleFields.where(input).put("purchase_option", input.purchaseOption().name())
                        .put("deadline_critical", true)));
    }
}
