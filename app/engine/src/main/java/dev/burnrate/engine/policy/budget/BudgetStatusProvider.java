package dev.burnrate.engine.policy.budget;

/**
 * Supplies budget figures. The portal implements it from usage data (actual, run-rate) and from its reservations
 * table (committed); the figures must be current when a provisioning decision is final (see {@link BudgetLedger}).
 */
@FunctionalInterface
public interface BudgetStatusProvider {

    BudgetStatus status(BudgetKey key);
}
