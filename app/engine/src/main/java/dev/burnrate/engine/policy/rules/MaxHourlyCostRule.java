package dev.burnrate.engine.policy.rules;

import dev.burnrate.api.Prices;
import dev.burnrate.engine.policy.EvaluationContext;
import dev.burnrate.engine.policy.Finding;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.Rule;
import dev.burnrate.engine.policy.RuleAction;
import dev.burnrate.engine.policy.RuleType;
import dev.burnrate.engine.policy.budget.Amount;
import dev.burnrate.engine.policy.schema.FieldSpec;
import dev.burnrate.engine.policy.schema.FieldType;
import dev.burnrate.engine.policy.schema.ObjectSchema;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

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

    /**
     * The limit is in USD. A request priced in another currency is converted at the exchange rate of today; without
     * one it cannot be compared, and a DENY limit asks for approval instead (with the reason) rather than guess.
     */
    @Override
    public List<Finding> check(PolicyInput input, EvaluationContext context) {
        double hourly = input.hourlyCost();
        String currency = input.currency();
        String priced = "";
        if (!currency.equals(Prices.DEFAULT_CURRENCY) && hourly > 0) {
            LocalDate today = LocalDate.ofInstant(context.now(), context.zone());
            OptionalDouble usd = context.budgets().convert(hourly, currency, Prices.DEFAULT_CURRENCY, today);
            if (usd.isEmpty()) {
                return List.of(Finding.of(action == RuleAction.DENY ? RuleAction.REQUIRE_APPROVAL : action,
                        "hourly-cost-unconverted", String.format(Locale.ROOT, "The request costs %s per hour and "
                                + "there is no %s→USD exchange rate for %s to compare it with the $%,.2f per hour "
                                + "allowed.", Amount.format(hourly, currency), currency, today, amount),
                        RuleFields.where(input).put("hourly_cost", hourly).put("currency", currency)
                                .money("max_hourly_cost", amount).put("count", input.count())));
            }
            priced = " (" + Amount.format(hourly, currency) + ")";
            hourly = usd.getAsDouble();
        }
        if (hourly <= amount) {
            return List.of();
        }
        return List.of(Finding.of(action, "hourly-cost-exceeded",
                String.format(Locale.ROOT, "The request costs $%,.2f%s per hour, more than the $%,.2f per hour "
                        + "allowed.", hourly, priced, amount),
                RuleFields.where(input).money("hourly_cost", hourly).money("max_hourly_cost", amount)
                        .put("count", input.count())));
    }
}
