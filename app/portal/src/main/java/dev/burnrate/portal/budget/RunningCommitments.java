package dev.burnrate.portal.budget;

import static dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;

import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.portal.currency.ExchangeRates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What running resources that hold no reservation on an account will still cost in its period: e.g. a service
 * approved last month (its reservation was on last month's account) or one charged to another budget. Each runs
 * at its hourly cost until its planned end (start + the request's planned duration) or, without one, until the
 * period's end. Resources with a reservation on the account are left out: the reservation commits them already.
 */
final class RunningCommitments {

    private static final List<String> BILLED = List.of(ResourceState.PROVISIONING.name(),
            ResourceState.RUNNING.name());

    private final DSLContext dsl;
    private final Supplier<ExchangeRates> rates;

    RunningCommitments(DSLContext dsl, Supplier<ExchangeRates> rates) {
        this.dsl = dsl;
        this.rates = rates;
    }

    /** In the account's currency; a resource priced in another one counts at today's rate, or not at all. */
    double cost(BudgetKey key, String excludingRequest, Instant now) {
        Condition unreserved = RESOURCES.REQUEST_ID.notIn(DSL.select(BUDGET_RESERVATIONS.REQUEST_ID)
                .from(BUDGET_RESERVATIONS).where(BUDGET_RESERVATIONS.ACCOUNT_KEY.eq(key.id())));
        if (excludingRequest != null) {
            unreserved = unreserved.and(RESOURCES.REQUEST_ID.ne(excludingRequest));
        }
        var rows = dsl.select(RESOURCES.HOURLY_COST, PROVISIONING_REQUESTS.ESTIMATE_CURRENCY, RESOURCES.CREATED_AT,
                        PROVISIONING_REQUESTS.DURATION_HOURS)
                .from(RESOURCES).join(PROVISIONING_REQUESTS).on(PROVISIONING_REQUESTS.ID.eq(RESOURCES.REQUEST_ID))
                .where(RESOURCES.STATE.in(BILLED).and(unreserved)
                        .and(MeteredSpend.scope(key, RESOURCES.TEAM_ID, RESOURCES.PROJECT)))
                .fetch();
        if (rows.isEmpty()) {
            return 0;
        }
        Instant from = now.isAfter(key.start()) ? now : key.start();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ExchangeRates table = rows.stream().allMatch(r -> key.currency().equals(r.value2())) ? ExchangeRates.none()
                : rates.get();
        double sum = 0;
        for (var r : rows) {
            Instant end = key.end();
            if (r.value4() != null) {
                Instant plannedEnd = r.value3().toInstant().plusMillis(Math.round(r.value4() * 3_600_000));
                end = plannedEnd.isBefore(end) ? plannedEnd : end;
            }
            double hours = Math.max(0, end.toEpochMilli() - from.toEpochMilli()) / 3_600_000.0;
            sum += table.convert(r.value1().doubleValue() * hours, r.value2(), key.currency(), today).orElse(0);
        }
        return sum;
    }
}
