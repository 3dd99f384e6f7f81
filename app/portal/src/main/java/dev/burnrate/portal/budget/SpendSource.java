package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import java.util.List;

/**
 * Where actual spend and the current burn rate of a budget account come from. {@link MeteredSpend} reads what
 * Burnrate itself metered from running resources; imported billing data (the usage feature) adds to it through
 * another implementation of this port. Figures are in the account's currency ({@link BudgetKey#currency()}):
 * spend in another currency counts only converted at an explicit exchange rate.
 */
public interface SpendSource {

    /** Spend in the account's scope within its period so far, with what was converted and what was left out. */
    SpendBreakdown spend(BudgetKey key);

    /** What {@link #spend} counts, in the account's currency. */
    default double actual(BudgetKey key) {
        return spend(key).counted();
    }

    /**
     * Spent per hour in the account's scope currently (what runs now), in the account's currency. Not part of budget
     * figures: what runs is committed until its planned end there ({@link BudgetProjection}).
     */
    double runRatePerHour(BudgetKey key);

    /**
     * This source with the slow part of these accounts' figures read now: the budget ledger calls it before it
     * locks the accounts, so that no version scan runs while their rows are locked. The default reads everything
     * when asked.
     */
    default SpendSource readAhead(List<BudgetKey> keys) {
        return this;
    }
}
