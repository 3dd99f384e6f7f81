package dev.burnrate.portal.budget;

import static dev.burnrate.portal.db.Tables.METERED_USAGE;
import static dev.burnrate.portal.db.Tables.PROVISIONING_REQUESTS;
import static dev.burnrate.portal.db.Tables.RESOURCES;
import static dev.burnrate.portal.db.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.portal.currency.ExchangeRate;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reservation in a EUR account netted against its resource's metered cost in two currencies, on H2 and on
 * PostgreSQL. Whatever is metered, actual plus committed stays what was reserved as long as the resource has not
 * used up its reservation: each charge counts once, either as actual spend or (without a rate) still reserved.
 */
class ReservationCurrencyIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final BudgetKey EUR_ACCOUNT = new BudgetKey("eu-budget", BudgetKey.Scope.TEAM, "ml-research",
            BudgetPeriod.MONTH, NOV, Instant.parse("2026-12-01T00:00:00Z"), "EUR");

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void meteredCostInAnotherCurrencyIsNettedAtItsDaysRateOrNotAtAll(TestDatabase db) {
        DSLContext dsl = db.dsl();
        ExchangeRateRepository rates = new ExchangeRateRepository(dsl);
        var ledger = new JooqBudgetLedger(dsl, new MeteredSpend(dsl, rates, CLOCK), CLOCK, rates::table);
        long team = dsl.insertInto(TEAMS).set(TEAMS.NAME, "ml-research").returning(TEAMS.ID).fetchSingle(TEAMS.ID);
        insertRunningRequest(dsl, team, "req-1", "res-1");
        ledger.atomically("req-1", List.of(EUR_ACCOUNT), accounts -> {
            accounts.reserve(EUR_ACCOUNT, 900);
            return null;
        });
        // $100 on 2 November and €50 on 3 November: not €150 of anything.
        meter(dsl, team, "req-1", "res-1", "2026-11-02T00:00:00Z", 100, "USD");
        meter(dsl, team, "req-1", "res-1", "2026-11-03T00:00:00Z", 50, "EUR");

        // No USD→EUR rate: the dollars count nowhere as spend, so the reservation keeps covering them.
        BudgetStatus withoutRate = status(ledger);
        assertThat(withoutRate.actual()).isCloseTo(50, within(1e-9));
        assertThat(withoutRate.committed()).isCloseTo(850, within(1e-9));

        // At 0.9 from 1 November the dollars are €90 of actual spend and no longer reserved.
        rates.put(new ExchangeRate("USD", "EUR", NOV.atZone(ZoneOffset.UTC).toLocalDate(), 0.9), "finance",
                CLOCK.instant());
        BudgetStatus withRate = status(ledger);
        assertThat(withRate.actual()).isCloseTo(140, within(1e-9));
        assertThat(withRate.committed()).isCloseTo(760, within(1e-9));
        assertThat(withRate.actual() + withRate.committed()).isCloseTo(900, within(1e-9));
    }

    /** The account's figures as another request's decision reads them, under the ledger's lock. */
    private static BudgetStatus status(JooqBudgetLedger ledger) {
        return ledger.atomically("another-request", List.of(EUR_ACCOUNT), accounts -> accounts.status(EUR_ACCOUNT));
    }

    private static void insertRunningRequest(DSLContext dsl, long team, String requestId, String resourceId) {
        OffsetDateTime at = NOV.atOffset(ZoneOffset.UTC);
        dsl.insertInto(PROVISIONING_REQUESTS)
                .set(PROVISIONING_REQUESTS.ID, requestId).set(PROVISIONING_REQUESTS.TEAM_ID, team)
                .set(PROVISIONING_REQUESTS.REQUESTED_BY, "engineer").set(PROVISIONING_REQUESTS.TEMPLATE, "NOTEBOOK")
                .set(PROVISIONING_REQUESTS.NAME, "n").set(PROVISIONING_REQUESTS.PROVIDER_ID, "aws")
                .set(PROVISIONING_REQUESTS.REGION_ID, "eu-north-1").set(PROVISIONING_REQUESTS.INSTANCE_TYPE, "x")
                .set(PROVISIONING_REQUESTS.INSTANCE_COUNT, 1).set(PROVISIONING_REQUESTS.PURCHASE_OPTION, "ON_DEMAND")
                .set(PROVISIONING_REQUESTS.TAGS_JSON, "{}").set(PROVISIONING_REQUESTS.ENCRYPTED, true)
                .set(PROVISIONING_REQUESTS.PRIVATE_NETWORK, true).set(PROVISIONING_REQUESTS.CHECKPOINTING, false)
                .set(PROVISIONING_REQUESTS.DEADLINE_CRITICAL, false)
                .set(PROVISIONING_REQUESTS.HOURLY_COST, new BigDecimal("10"))
                .set(PROVISIONING_REQUESTS.EXPECTED_TOTAL, new BigDecimal("1000"))
                .set(PROVISIONING_REQUESTS.P90_TOTAL, new BigDecimal("1000"))
                .set(PROVISIONING_REQUESTS.ESTIMATE_SOURCE, "test").set(PROVISIONING_REQUESTS.OUTCOME, "ALLOW")
                .set(PROVISIONING_REQUESTS.STATE, "PROVISIONED").set(PROVISIONING_REQUESTS.NEEDS_FINANCE, false)
                .set(PROVISIONING_REQUESTS.CREATED_AT, at).set(PROVISIONING_REQUESTS.UPDATED_AT, at).execute();
        dsl.insertInto(RESOURCES)
                .set(RESOURCES.ID, resourceId).set(RESOURCES.REQUEST_ID, requestId).set(RESOURCES.TEAM_ID, team)
                .set(RESOURCES.OWNER, "engineer").set(RESOURCES.NAME, "n").set(RESOURCES.PROVIDER_ID, "aws")
                .set(RESOURCES.REGION_ID, "eu-north-1").set(RESOURCES.INSTANCE_TYPE, "x")
                .set(RESOURCES.INSTANCE_COUNT, 1).set(RESOURCES.PURCHASE_OPTION, "ON_DEMAND")
                .set(RESOURCES.HOURLY_COST, BigDecimal.ZERO).set(RESOURCES.STATE, "STOPPED")
                .set(RESOURCES.STATE_SINCE, at)
                .set(RESOURCES.METERED_UNTIL, at).set(RESOURCES.CREATED_AT, at).set(RESOURCES.UPDATED_AT, at)
                .execute();
    }

    private static void meter(DSLContext dsl, long team, String requestId, String resourceId, String hour,
                              double cost, String currency) {
        OffsetDateTime start = OffsetDateTime.parse(hour);
        dsl.insertInto(METERED_USAGE)
                .set(METERED_USAGE.RESOURCE_ID, resourceId).set(METERED_USAGE.REQUEST_ID, requestId)
                .set(METERED_USAGE.TEAM_ID, team).set(METERED_USAGE.CHARGE_PERIOD_START, start)
                .set(METERED_USAGE.CHARGE_PERIOD_END, start.plusHours(1))
                .set(METERED_USAGE.BILLED_COST, BigDecimal.valueOf(cost))
                .set(METERED_USAGE.EFFECTIVE_COST, BigDecimal.valueOf(cost))
                .set(METERED_USAGE.LIST_COST, BigDecimal.valueOf(cost))
                .set(METERED_USAGE.BILLING_CURRENCY, currency).set(METERED_USAGE.CONSUMED_QUANTITY, 1.0)
                .set(METERED_USAGE.TAGS_JSON, "{}")
                .execute();
    }
}
