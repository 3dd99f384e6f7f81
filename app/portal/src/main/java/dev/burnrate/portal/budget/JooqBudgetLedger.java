package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetAccounts;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetLedger;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The budget ledger in the database: {@link #atomically} is one transaction (nested in the caller's when there is
 * one) that creates missing accounts, locks them in key order with {@code select ... for update}, lets the engine
 * judge on committed spend read under the lock, and writes the reservations. Two requests charged to the same
 * account run one after the other; requests on different accounts do not wait for each other.
 */
public class JooqBudgetLedger implements BudgetLedger {

    private final DSLContext dsl;
    private final SpendSource spend;
    private final Clock clock;

    public JooqBudgetLedger(DSLContext dsl, SpendSource spend, Clock clock) {
        this.dsl = dsl;
        this.spend = spend;
        this.clock = clock;
    }

    @Override
    public <T> T atomically(String requestId, List<BudgetKey> keys, Function<BudgetAccounts, T> work) {
        List<BudgetKey> sorted = keys.stream().distinct().sorted().toList();
        return dsl.transactionResult(tx -> {
            ReservationStore store = new ReservationStore(tx.dsl());
            store.ensureAccounts(sorted);
            store.lock(sorted);
            return work.apply(new LockedAccounts(store, requestId, sorted));
        });
    }

    @Override
    public void release(String requestId) {
        dsl.transaction(tx -> new ReservationStore(tx.dsl()).deleteAll(requestId));
    }

    /** Reserved total of an account (for tests and display). */
    public double reserved(BudgetKey key) {
        return new ReservationStore(dsl).reserved(key);
    }

    private final class LockedAccounts implements BudgetAccounts {
        private final ReservationStore store;
        private final String requestId;
        private final List<BudgetKey> keys;

        LockedAccounts(ReservationStore store, String requestId, List<BudgetKey> keys) {
            this.store = store;
            this.requestId = requestId;
            this.keys = keys;
        }

        @Override
        public BudgetStatus status(BudgetKey key) {
            requireLocked(key);
            return new BudgetStatus(spend.actual(key), store.committed(key, requestId), spend.runRatePerHour(key));
        }

        @Override
        public void reserve(BudgetKey key, double amount) {
            requireLocked(key);
            store.upsert(key, requestId, amount, clock.instant());
        }

        @Override
        public void releaseAll() {
            store.delete(requestId, keys);
        }

        private void requireLocked(BudgetKey key) {
            if (!keys.contains(key)) {
                throw new IllegalStateException("budget account " + key.id() + " is not locked by this call");
            }
        }
    }
}
