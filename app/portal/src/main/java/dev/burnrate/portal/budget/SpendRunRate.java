package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import java.time.Instant;

/**
 * The extrapolated part of a budget's projection: spend per hour, from now to the period's end, that no reservation
 * and no running resource commits ({@link BudgetProjection}). It is the one replaceable part of the projection: a
 * forecast of the account's spend can implement it and take the place of {@link ImportedRunRate}.
 */
@FunctionalInterface
public interface SpendRunRate {

    /** Nothing extrapolated (ledgers built by hand in tests and tools). */
    SpendRunRate NONE = (key, now) -> 0;

    /** Per hour from {@code now} to the period's end, in the account's currency; 0 when there is no basis. */
    double perHour(BudgetKey key, Instant now);

    /** How much more than {@link #perHour} over the hours left a pessimistic (P90) projection adds; 0 by default. */
    default double p90Margin(BudgetKey key, Instant now) {
        return 0;
    }
}
