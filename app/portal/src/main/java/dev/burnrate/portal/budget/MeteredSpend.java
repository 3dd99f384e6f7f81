package dev.burnrate.portal.budget;

import static dev.burnrate.portal.db.Tables.METERED_USAGE;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static dev.burnrate.portal.db.Tables.TEAMS;

import dev.burnrate.api.ResourceState;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.currency.ExchangeRates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Spend from the usage Burnrate meters from the resources it provisioned (table metered_usage), per billing
 * currency: rows in the account's currency count as they are, others at the exchange-rate table's rate of their
 * day. A cheap indexed sum, read under the ledger's lock.
 */
@Component
public class MeteredSpend implements SpendSource {

    private static final List<String> BILLED = List.of(ResourceState.PROVISIONING.name(), ResourceState.RUNNING.name());

    private final DSLContext dsl;
    private final Supplier<ExchangeRates> rates;
    private final Clock clock;

    @Autowired
    public MeteredSpend(DSLContext dsl, ExchangeRateRepository rates, Clock clock) {
        this.dsl = dsl;
        this.rates = rates::table;
        this.clock = clock;
    }

    /** Without an exchange-rate table: only spend in the account's own currency counts (tests, tools). */
    public MeteredSpend(DSLContext dsl) {
        this.dsl = dsl;
        this.rates = ExchangeRates::none;
        this.clock = Clock.systemUTC();
    }

    @Override
    public SpendBreakdown spend(BudgetKey key) {
        Condition inPeriod = METERED_USAGE.CHARGE_PERIOD_START.ge(key.start().atOffset(ZoneOffset.UTC))
                .and(METERED_USAGE.CHARGE_PERIOD_START.lt(key.end().atOffset(ZoneOffset.UTC)));
        List<DaySpend> daily = dsl.select(METERED_USAGE.BILLING_CURRENCY, METERED_USAGE.CHARGE_PERIOD_START,
                        DSL.sum(METERED_USAGE.BILLED_COST))
                .from(METERED_USAGE)
                .where(inPeriod.and(scope(key, METERED_USAGE.TEAM_ID, METERED_USAGE.PROJECT)))
                .groupBy(METERED_USAGE.BILLING_CURRENCY, METERED_USAGE.CHARGE_PERIOD_START)
                .fetch(r -> new DaySpend(r.value1(), r.value2().atZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                        r.value3() == null ? 0 : r.value3().doubleValue()));
        boolean foreign = daily.stream().anyMatch(d -> !key.currency().equals(d.currency()));
        return SpendBreakdown.of(key.currency(), daily, foreign ? rates.get() : ExchangeRates.none());
    }

    /**
     * The hourly cost of what runs now, in the account's currency: a resource's hourly cost is in its request's
     * estimate currency, and one in another currency counts at today's rate, or not at all without one.
     */
    @Override
    public double runRatePerHour(BudgetKey key) {
        Map<String, Double> byCurrency = dsl.select(PROVISIONING_REQUESTS.ESTIMATE_CURRENCY,
                        DSL.sum(RESOURCES.HOURLY_COST))
                .from(RESOURCES).join(PROVISIONING_REQUESTS).on(PROVISIONING_REQUESTS.ID.eq(RESOURCES.REQUEST_ID))
                .where(RESOURCES.STATE.in(BILLED).and(scope(key, RESOURCES.TEAM_ID, RESOURCES.PROJECT)))
                .groupBy(PROVISIONING_REQUESTS.ESTIMATE_CURRENCY)
                .fetchMap(r -> r.value1(), r -> r.value2() == null ? 0.0 : r.value2().doubleValue());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ExchangeRates table = byCurrency.keySet().stream().allMatch(key.currency()::equals) ? ExchangeRates.none()
                : rates.get();
        double sum = 0;
        for (Map.Entry<String, Double> e : byCurrency.entrySet()) {
            sum += table.convert(e.getValue(), e.getKey(), key.currency(), today).orElse(0);
        }
        return sum;
    }

    static Condition scope(BudgetKey key, Field<Long> teamId, Field<String> project) {
        return switch (key.scope()) {
            case ALL -> DSL.trueCondition();
            case TEAM -> teamId.in(DSL.select(TEAMS.ID).from(TEAMS).where(TEAMS.NAME.eq(key.scopeValue())));
            case PROJECT -> project.eq(key.scopeValue());
        };
    }
}
