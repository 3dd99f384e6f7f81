package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;

/**
 * Where actual spend and the current burn rate of a budget account come from. {@link MeteredSpend} reads what
 * Burnrate itself metered from running resources; imported billing data (the usage feature) adds to it through
 * another implementation of this port.
 */
public interface SpendSource {

    /** USD spent in the account's scope within its period so far. */
    double actual(BudgetKey key);

    /** USD per hour currently being spent in the account's scope (what runs now). */
    double runRatePerHour(BudgetKey key);
}
