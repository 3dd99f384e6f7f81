package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetCheck;

/** One budget account with today's figures, for the Budgets view. */
public record BudgetRow(String policyId, String policyName, String mode, BudgetCheck check) {
}
