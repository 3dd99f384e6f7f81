package dev.burnrate.engine.policy.budget;

/**
 * Where a budget account stands, in the account's currency ({@link BudgetKey#currency()}).
 *
 * @param actual         spend already billed or metered in the period
 * @param committed      spend promised but not billed yet: reservations of approved or pending requests and the
 *                       planned remaining cost of running resources, within the period
 * @param runRatePerHour spend per hour that nothing above commits (the spend forecast's P50, or imported spend's
 *                       recent rate), for the projection to the period's end: projected = actual + committed +
 *                       rate x hours left
 * @param p90Margin      how much more than the projection the forecast's P90 reaches by the period's end (0 without
 *                       a forecast), for thresholds on the pessimistic projection
 */
public record BudgetStatus(double actual, double committed, double runRatePerHour, double p90Margin) {

    public BudgetStatus {
        check("actual", actual);
        check("committed", committed);
        check("runRatePerHour", runRatePerHour);
        check("p90Margin", p90Margin);
    }

    /** Figures without a forecast band. */
    public BudgetStatus(double actual, double committed, double runRatePerHour) {
        this(actual, committed, runRatePerHour, 0);
    }

    private static void check(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite, non-negative number: " + value);
        }
    }

    public static BudgetStatus empty() {
        return new BudgetStatus(0, 0, 0);
    }

    public BudgetStatus plusCommitted(double amount) {
        return new BudgetStatus(actual, committed + amount, runRatePerHour, p90Margin);
    }
}
