package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetCheck;
import java.util.List;

/**
 * One budget account with today's figures, for the Budgets view.
 *
 * @param notes what the actual spend converted or left out, e.g. {@code ¥1,234,567 JPY not counted: no JPY→USD
 *              rate}; empty when all spend was in the budget's currency
 */
public record BudgetRow(String policyId, String policyName, String mode, BudgetCheck check, List<String> notes) {

    public BudgetRow {
        notes = List.copyOf(notes);
    }

    /** The budget's currency, in which every figure of the row is. */
    public String currency() {
        return check.key().currency();
    }
}
