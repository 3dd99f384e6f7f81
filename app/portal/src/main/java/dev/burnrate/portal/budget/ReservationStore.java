package dev.burnrate.portal.budget;

import static dev.burnrate.portal.db.Tables.BUDGET_ACCOUNTS;
import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.METERED_USAGE;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.portal.currency.ExchangeRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * SQL for budget accounts and reservations. Committed spend of an account is the sum of its reservations, each
 * less what its request's resource has already been metered in the period (that part is actual spend now).
 *
 * <p>Reservations are in the account's currency; metered cost keeps its billing currency. A metered charge is netted
 * exactly as actual spend counts it ({@link MeteredSpend}): in the account's currency as it is, in another one
 * converted at the exchange-rate table's rate of its day, and without such a rate not at all, so the reservation
 * keeps covering it (actual spend leaves it out and lists it). Amounts in different currencies are never added.
 */
final class ReservationStore {

    private final DSLContext dsl;
    private final Supplier<ExchangeRates> rates;

    /** A store that nets metered cost in other currencies at the rates of the table (read only when needed). */
    ReservationStore(DSLContext dsl, Supplier<ExchangeRates> rates) {
        this.dsl = dsl;
        this.rates = rates;
    }

    /** A store without exchange rates: only metered cost in an account's own currency is netted. */
    ReservationStore(DSLContext dsl) {
        this(dsl, ExchangeRates::none);
    }

    /** The transaction this store works in, for the other figures read under the same lock. */
    DSLContext dsl() {
        return dsl;
    }

    /** Creates missing account rows; a concurrent creator of the same row is fine (the row exists either way). */
    void ensureAccounts(List<BudgetKey> keys) {
        for (BudgetKey key : keys) {
            if (dsl.fetchExists(BUDGET_ACCOUNTS, BUDGET_ACCOUNTS.ACCOUNT_KEY.eq(key.id()))) {
                continue;
            }
            try {
                // A nested transaction (savepoint): on PostgreSQL a failed insert would otherwise abort the caller's.
                dsl.transaction(nested -> nested.dsl().insertInto(BUDGET_ACCOUNTS)
                        .set(BUDGET_ACCOUNTS.ACCOUNT_KEY, key.id())
                        .set(BUDGET_ACCOUNTS.BUDGET_ID, key.budgetId())
                        .set(BUDGET_ACCOUNTS.SCOPE, key.scope().name())
                        .set(BUDGET_ACCOUNTS.SCOPE_VALUE, key.scopeValue())
                        .set(BUDGET_ACCOUNTS.PERIOD, key.period().name())
                        .set(BUDGET_ACCOUNTS.PERIOD_START, key.start().atOffset(ZoneOffset.UTC))
                        .set(BUDGET_ACCOUNTS.PERIOD_END, key.end().atOffset(ZoneOffset.UTC))
                        .set(BUDGET_ACCOUNTS.CURRENCY, key.currency())
                        .execute());
            } catch (IntegrityConstraintViolationException | DataIntegrityViolationException concurrentInsert) {
                // another transaction created it first. In the portal, Spring's jOOQ exception translator turns
                // jOOQ's exception into DuplicateKeyException: catching only jOOQ's made the second of two first
                // submits of a period fail (found by the load harness, PortalLoadIT).
            }
        }
    }

    /** Locks the accounts' rows in key order; held until the surrounding transaction ends. */
    void lock(List<BudgetKey> sortedKeys) {
        if (!sortedKeys.isEmpty()) {
            dsl.select(BUDGET_ACCOUNTS.ACCOUNT_KEY).from(BUDGET_ACCOUNTS)
                    .where(BUDGET_ACCOUNTS.ACCOUNT_KEY.in(sortedKeys.stream().map(BudgetKey::id).toList()))
                    .orderBy(BUDGET_ACCOUNTS.ACCOUNT_KEY).forUpdate().fetch();
        }
    }

    /** Committed spend of an account, leaving out one request's own reservation (null: leave out none). */
    double committed(BudgetKey key, String excludingRequest) {
        Map<String, BigDecimal> reserved = dsl.select(BUDGET_RESERVATIONS.REQUEST_ID, BUDGET_RESERVATIONS.AMOUNT)
                .from(BUDGET_RESERVATIONS)
                .where(BUDGET_RESERVATIONS.ACCOUNT_KEY.eq(key.id()))
                .fetchMap(BUDGET_RESERVATIONS.REQUEST_ID, BUDGET_RESERVATIONS.AMOUNT);
        if (excludingRequest != null) {
            reserved.remove(excludingRequest);
        }
        if (reserved.isEmpty()) {
            return 0;
        }
        Map<String, Double> metered = meteredInAccountCurrency(key, reserved.keySet());
        double committed = 0;
        for (Map.Entry<String, BigDecimal> entry : reserved.entrySet()) {
            committed += Math.max(0, entry.getValue().doubleValue() - metered.getOrDefault(entry.getKey(), 0.0));
        }
        return committed;
    }

    /** Metered cost per request in the account's period and currency, summed per billing currency and day first. */
    private Map<String, Double> meteredInAccountCurrency(BudgetKey key, Set<String> requests) {
        var rows = dsl.select(METERED_USAGE.REQUEST_ID, METERED_USAGE.BILLING_CURRENCY,
                        METERED_USAGE.CHARGE_PERIOD_START, DSL.sum(METERED_USAGE.BILLED_COST))
                .from(METERED_USAGE)
                .where(METERED_USAGE.REQUEST_ID.in(requests)
                        .and(METERED_USAGE.CHARGE_PERIOD_START.ge(key.start().atOffset(ZoneOffset.UTC)))
                        .and(METERED_USAGE.CHARGE_PERIOD_START.lt(key.end().atOffset(ZoneOffset.UTC))))
                .groupBy(METERED_USAGE.REQUEST_ID, METERED_USAGE.BILLING_CURRENCY, METERED_USAGE.CHARGE_PERIOD_START)
                .fetch();
        ExchangeRates table = rows.stream().allMatch(r -> key.currency().equals(r.value2())) ? ExchangeRates.none()
                : rates.get();
        Map<String, Double> byRequest = new HashMap<>();
        for (var r : rows) {
            LocalDate day = r.value3().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            double amount = r.value4() == null ? 0 : r.value4().doubleValue();
            table.convert(amount, r.value2(), key.currency(), day)
                    .ifPresent(converted -> byRequest.merge(r.value1(), converted, Double::sum));
        }
        return byRequest;
    }

    void upsert(BudgetKey key, String requestId, double amount, Instant now) {
        int updated = dsl.update(BUDGET_RESERVATIONS).set(BUDGET_RESERVATIONS.AMOUNT, BigDecimal.valueOf(amount))
                .where(BUDGET_RESERVATIONS.ACCOUNT_KEY.eq(key.id()).and(BUDGET_RESERVATIONS.REQUEST_ID.eq(requestId)))
                .execute();
        if (updated == 0) {
            dsl.insertInto(BUDGET_RESERVATIONS)
                    .set(BUDGET_RESERVATIONS.ACCOUNT_KEY, key.id())
                    .set(BUDGET_RESERVATIONS.REQUEST_ID, requestId)
                    .set(BUDGET_RESERVATIONS.AMOUNT, BigDecimal.valueOf(amount))
                    .set(BUDGET_RESERVATIONS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    void delete(String requestId, List<BudgetKey> keys) {
        dsl.deleteFrom(BUDGET_RESERVATIONS).where(BUDGET_RESERVATIONS.REQUEST_ID.eq(requestId)
                .and(BUDGET_RESERVATIONS.ACCOUNT_KEY.in(keys.stream().map(BudgetKey::id).toList()))).execute();
    }

    void deleteAll(String requestId) {
        dsl.deleteFrom(BUDGET_RESERVATIONS).where(BUDGET_RESERVATIONS.REQUEST_ID.eq(requestId)).execute();
    }

    double reserved(BudgetKey key) {
        BigDecimal sum = dsl.select(DSL.sum(BUDGET_RESERVATIONS.AMOUNT)).from(BUDGET_RESERVATIONS)
                .where(BUDGET_RESERVATIONS.ACCOUNT_KEY.eq(key.id())).fetchOne(0, BigDecimal.class);
        return sum == null ? 0 : sum.doubleValue();
    }
}
