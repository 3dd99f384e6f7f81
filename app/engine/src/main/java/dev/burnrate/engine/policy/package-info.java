/**
 * Budget and compliance policies. Policies are YAML data ({@link dev.burnrate.engine.policy.schema.PolicyParser}
 * refuses a broken one whole, with line and column); each rule type is registered with a schema in a
 * {@link dev.burnrate.engine.policy.RuleRegistry}. {@link dev.burnrate.engine.policy.PolicyEvaluator} turns a
 * {@link dev.burnrate.engine.policy.PolicyInput} into a {@link dev.burnrate.engine.policy.Decision};
 * {@link dev.burnrate.engine.policy.budget.BudgetReservations} makes it final with the budgets locked, and
 * {@link dev.burnrate.engine.policy.continuous.ContinuousEvaluator} watches what runs. Plain Java: the portal
 * supplies budget figures, the ledger and the clock.
 */
package dev.burnrate.engine.policy;
