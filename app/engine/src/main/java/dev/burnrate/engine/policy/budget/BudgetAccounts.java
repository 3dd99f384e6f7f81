package dev.burnrate.engine.policy.budget;

/**
 * The locked budget accounts inside {@link BudgetLedger#atomically}: current figures and the reservations of one
 * request. Valid only during that call.
 */
public interface BudgetAccounts extends BudgetStatusProvider {

    /**
     * Figures of a locked account, with committed spend that excludes this request's own reservation (so a retry
     * of the same request is not judged against itself).
     */
    @Override
    BudgetStatus status(BudgetKey key);

    /** Sets this request's reservation on a locked account, replacing any earlier one. */
    void reserve(BudgetKey key, double amount);

    /** Drops this request's reservations on the locked accounts. */
    void releaseAll();
}
