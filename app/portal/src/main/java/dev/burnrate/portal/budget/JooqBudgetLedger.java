package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetAccounts;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetLedger;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.portal.currency.ExchangeRates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The budget ledger in the database: {@link #atomically} is one transaction (nested in the caller's when there is
 * one) that creates missing accounts, locks them in key order with {@code select ... for update}, lets the engine
 * judge on committed spend read under the lock, and writes the reservations. Two requests charged to the same
 * account run one after the other; requests on different accounts do not wait for each other.
 *
 * <p>Imported spend is read before the lock ({@link SpendSource#readAhead}): it changes only when a new dataset
 * version is committed, which reservations do not guard against anyway, and reading it can mean scanning a
 * version. Only what reservations decide (the reservations themselves and the metered spend they are netted
 * against, and running resources without a reservation) is read under the lock; the projection's run rate of
 * imported spend is read ahead too ({@link BudgetProjection#readAhead}).
 */
public class JooqBudgetLedger implements BudgetLedger {

    private final DSLContext dsl;
    private final SpendSource spend;
    private final Clock clock;
    private final Supplier<ExchangeRates> rates;
    private final BudgetProjection projection;

    /** The portal's ledger: figures as {@link BudgetProjection} defines them, for every decision. */
    public JooqBudgetLedger(DSLContext dsl, SpendSource spend, Clock clock, Supplier<ExchangeRates> rates,
                            BudgetProjection projection) {
        this.dsl = dsl;
        this.spend = spend;
        this.clock = clock;
        this.rates = rates;
        this.projection = projection;
    }

    /** A ledger that converts a request priced in another currency with the given exchange-rate table. */
    public JooqBudgetLedger(DSLContext dsl, SpendSource spend, Clock clock, Supplier<ExchangeRates> rates) {
        this(dsl, spend, clock, rates, BudgetProjection.withoutRunRate(dsl, rates, clock));
    }

    /** A ledger without exchange rates: a request in another currency than a budget's cannot be judged by it. */
    public JooqBudgetLedger(DSLContext dsl, SpendSource spend, Clock clock) {
        this(dsl, spend, clock, ExchangeRates::none);
    }

    @Override
    public <T> T atomically(String requestId, List<BudgetKey> keys, Function<BudgetAccounts, T> work) {
        List<BudgetKey> sorted = keys.stream().distinct().sorted().toList();
        SpendSource readAhead = spend.readAhead(sorted);
        BudgetProjection projected = projection.readAhead(sorted);
        ExchangeRates table = rates.get();
        return dsl.transactionResult(tx -> {
            ReservationStore store = new ReservationStore(tx.dsl(), () -> table);
            store.ensureAccounts(sorted);
            store.lock(sorted);
            return work.apply(new LockedAccounts(store, requestId, sorted, readAhead, table, projected));
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
        private final SpendSource spend;
        private final ExchangeRates rates;
        private final BudgetProjection projection;

        LockedAccounts(ReservationStore store, String requestId, List<BudgetKey> keys, SpendSource spend,
                       ExchangeRates rates, BudgetProjection projection) {
            this.store = store;
            this.requestId = requestId;
            this.keys = keys;
            this.spend = spend;
            this.rates = rates;
            this.projection = projection;
        }

        @Override
        public BudgetStatus status(BudgetKey key) {
            requireLocked(key);
            return projection.status(store.dsl(), key, spend.actual(key), store.committed(key, requestId),
                    requestId);
        }

        @Override
        public OptionalDouble convert(double amount, String from, String to, LocalDate date) {
            return rates.convert(amount, from, to, date);
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
