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

import java.util.List;
import java.util.Locale;

/** A ceiling on what one request may cost per hour (all its instances together). */
public record MaxHourlyCostRule(String id, double amount, RuleAction action) implements Rule {

    public static final RuleType TYPE = new RuleType("max_hourly_cost",
            "Maximum estimated cost per hour of one request.",
            ObjectSchema.of(
                    FieldSpec.required("amount", FieldType.NUMBER, "USD per hour").positive(),
                    RuleFields.action(RuleAction.DENY)),
            (id, config) -> new MaxHourlyCostRule(id, config.number("amount", 0),
                    RuleFields.action(config, RuleAction.DENY)));

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        if (input.hourlyCost() <= amount) {
            return List.of();
        }
        return List.of(Finding.of(action, "hourly-cost-exceeded",
                String.format(Locale.ROOT, "The request costs $%,.2f per hour, more than the $%,.2f per hour allowed.",
                        input.hourlyCost(), amount),
                RuleFields.where(input).money("hourly_cost", input.hourlyCost()).money("max_hourly_cost", amount)
                        .put("count", input.count())));
    }
}
