package dev.burnrate.engine.policy.budget;

import java.util.List;
import java.util.function.Function;

/**
 * Where budget reservations live, and the one place they change. The check "does this request still fit?" and the
 * reservation must happen as one atomic step, or two requests that each fit alone could together overspend.
 *
 * <p>The portal implements {@link #atomically} as one database transaction:
 * <ol>
 *   <li>{@code SELECT ... FROM budget_account WHERE key IN (...) ORDER BY key FOR UPDATE} (inserting missing
 *       accounts first), which serialises every request charged to the same accounts; locking in key order means two
 *       requests on overlapping budgets cannot deadlock;</li>
 *   <li>read actual spend and run-rate (usage) and committed spend ({@code SUM(amount)} of the accounts'
 *       reservations, without this request's own);</li>
 *   <li>run {@code work}: the policy engine re-judges the budgets on these figures;</li>
 *   <li>upsert this request's reservations ({@code budget_reservation(account_key, request_id, amount)}, unique on
 *       both), or delete them when denied, and commit.</li>
 * </ol>
 * {@link InMemoryBudgetLedger} does the same with locks, for tests and single-node use.
 */
public interface BudgetLedger {

    /**
     * Runs {@code work} while no other call can change the given accounts.
     *
     * @param requestId the request whose reservations {@code work} may set
     * @param keys      the accounts to lock, sorted
     */
    <T> T atomically(String requestId, List<BudgetKey> keys, Function<BudgetAccounts, T> work);

    /** Drops every reservation of a request (rejected, failed, or finished and now billed as actual spend). */
    void release(String requestId);
}
