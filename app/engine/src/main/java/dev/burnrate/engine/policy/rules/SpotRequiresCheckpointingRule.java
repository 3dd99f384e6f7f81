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

/** Spot capacity only for fault-tolerant work: the request must declare that it checkpoints. */
public record SpotRequiresCheckpointingRule(String id, RuleAction action) implements Rule {

    public static final RuleType TYPE = new RuleType("spot_requires_checkpointing",
            "Spot only for fault-tolerant work (checkpointing declared).",
            ObjectSchema.of(RuleFields.action(RuleAction.DENY)),
            (id, config) -> new SpotRequiresCheckpointingRule(id, RuleFields.action(config, RuleAction.DENY)));

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        if (input.purchaseOption() != PurchaseOption.SPOT || input.checkpointing()) {
            return List.of();
        }
        return List.of(Finding.of(action, "spot-without-checkpointing",
                "Spot capacity can be taken back at any time; use it only for work that checkpoints, or buy "
                        + "on-demand.",
                RuleFields.where(input).put("purchase_option", input.purchaseOption().name())
                        .put("checkpointing", false)));
    }
}
