package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetCheck;
import java.util.List;

/**
 * One budget account with today's figures, for the Budgets view.
 *
 * @param notes what the actual spend converted or left out, e.g. {@code ¥1,234,567 JPY not counted: no JPY→USD
 *              rate}; empty when all spend was in the budget's currency
 * @param forecast what the spend forecast adds to the period's end, or null without one
 */
public record BudgetRow(String policyId, String policyName, String mode, BudgetCheck check, List<String> notes,
                        ForecastBand forecast) {

    public BudgetRow {
        notes = List.copyOf(notes);
    }

    /** Projected at period end with the forecast's P10 or P90 in place of its P50 ({@code quantile} 10 or 90). */
    public double projectedAt(int quantile) {
        double p = quantile == 10 ? forecast.p10() : forecast.p90();
        return check.projected() - forecast.p50() + p;
    }

    /** The budget's currency, in which every figure of the row is. */
    public String currency() {
        return check.key().currency();
    }
}
