package dev.burnrate.engine.policy.budget;

import java.util.Optional;

/**
 * The budgets finance plans, as a budget rule that names one ({@code budget: <id>}) reads them. The portal
 * implements it from its budget plans; the engine only reads. Without an implementation no budget can be named.
 */
@FunctionalInterface
public interface PlannedBudgets {

    /** No planned budgets: a rule naming one is refused as unknown. */
    PlannedBudgets NONE = id -> Optional.empty();

    Optional<PlannedBudget> find(String budgetId);
}
