package dev.burnrate.portal.budget.plan;

/** Published after a budget plan change commits: policies naming a budget read its plan afresh. */
public record BudgetPlansChanged(String budgetId) {
}
