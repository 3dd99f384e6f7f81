package dev.burnrate.portal.budget;

import static dev.burnrate.portal.db.Tables.BUDGET_ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.Region;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetReservations;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.portal.currency.ExchangeRate;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exchange-rate table and a EUR budget judged for a request priced in USD, through the database ledger, on H2
 * and on PostgreSQL.
 */
class CurrencyLedgerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    private static Policy eurBudget() throws Exception {
        return new PolicyParser(RuleRegistry.standard()).parse("""
                id: eu-budget
                name: EU budget
                rules:
                  - type: budget
                    id: monthly
                    period: month
                    amount: 20000
                    currency: EUR
                    thresholds:
                      - {at: 80, action: require_approval}
                      - {at: 100, action: deny}
                """, 1);
    }

    /** 10 hours at $100 an hour, priced in USD by its offering. */
    private static PolicyInput usdRequest(String id) {
        return PolicyInput.builder().resource(id).team("ml-research").providerId("aws")
                .region(new Region("eu-north-1", "Stockholm", "SE", "EU", new ComplianceFacts(true, true, true, true,
                        true)))
                .offering(new Offering("aws", "p5.48xlarge", "eu-north-1", "H100", 8, 192, 2048, "EC2",
                        new Prices(100, null, null, null, null, "USD")))
                .hourlyCost(100).expectedTotal(1_000).p90Total(1_100).duration(Duration.ofHours(10)).build();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void ratesAreKeptOnePerPairAndDay(TestDatabase db) {
        ExchangeRateRepository rates = new ExchangeRateRepository(db.dsl());
        rates.put(new ExchangeRate("EUR", "USD", NOV_1, 1.08), "finance", CLOCK.instant());
        rates.put(new ExchangeRate("EUR", "USD", NOV_1, 1.09), "finance", CLOCK.instant());
        rates.put(new ExchangeRate("EUR", "USD", NOV_1.plusDays(9), 1.1), "finance", CLOCK.instant());

        assertThat(rates.all()).extracting(ExchangeRate::rate).containsExactly(1.09, 1.1);
        assertThat(rates.table().rateOn("EUR", "USD", NOV_1.plusDays(5))).map(ExchangeRate::rate).contains(1.09);
        assertThat(rates.table().rateOn("EUR", "USD", NOV_1.minusDays(1))).isEmpty();
        assertThat(rates.delete("EUR", "USD", NOV_1)).isTrue();
        assertThat(rates.find("EUR", "USD", NOV_1)).isEmpty();
        // The schema refuses what the service would: a rate of 0 and a pair of one currency.
        assertThatThrownBy(() -> db.dsl().execute("insert into exchange_rates (from_currency, to_currency, rate_date,"
                + " rate, created_by, created_at) values ('EUR', 'USD', date '2026-11-02', 0, 'x', current_timestamp)"))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> db.dsl().execute("insert into exchange_rates (from_currency, to_currency, rate_date,"
                + " rate, created_by, created_at) values ('EUR', 'EUR', date '2026-11-02', 1, 'x', current_timestamp)"))
                .isInstanceOf(DataAccessException.class);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aRequestInAnotherCurrencyIsReservedConvertedOrSentToFinanceWithoutARate(TestDatabase db) throws Exception {
        db.dsl().execute("insert into teams (name) values ('ml-research')");
        ExchangeRateRepository rates = new ExchangeRateRepository(db.dsl());
        PolicyEvaluator evaluator = new PolicyEvaluator(CLOCK);
        List<Policy> policies = List.of(eurBudget());
        var ledger = new JooqBudgetLedger(db.dsl(), new MeteredSpend(db.dsl()), CLOCK, rates::table);
        var reservations = new BudgetReservations(evaluator, ledger);
        BudgetKey key = evaluator.budgetKeys(policies, usdRequest("x")).getFirst();
        assertThat(key.currency()).isEqualTo("EUR");

        Decision unjudged = reservations.decideAndReserve("req-1", policies, usdRequest("req-1"));
        assertThat(unjudged.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(unjudged.violations()).singleElement().satisfies(v -> assertThat(v.message())
                .contains("cannot judge this request", "$1,000.00", "no USD→EUR exchange rate for 2026-11-10"));
        assertThat(ledger.reserved(key)).isZero();
        assertThat(db.dsl().select(BUDGET_ACCOUNTS.CURRENCY).from(BUDGET_ACCOUNTS)
                .where(BUDGET_ACCOUNTS.ACCOUNT_KEY.eq(key.id())).fetchOne(BUDGET_ACCOUNTS.CURRENCY)).isEqualTo("EUR");

        rates.put(new ExchangeRate("USD", "EUR", NOV_1, 0.9), "finance", CLOCK.instant());
        Decision converted = reservations.decideAndReserve("req-1", policies, usdRequest("req-1"));
        assertThat(converted.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(ledger.reserved(key)).isEqualTo(900.0);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void spendIsReadAheadBeforeTheAccountsAreCreatedAndLocked(TestDatabase db) throws Exception {
        db.dsl().execute("insert into teams (name) values ('ml-research')");
        List<String> events = new ArrayList<>();
        SpendSource slow = new SpendSource() {
            @Override
            public SpendBreakdown spend(BudgetKey key) {
                throw new AssertionError("the ledger read spend without reading ahead");
            }

            @Override
            public double runRatePerHour(BudgetKey key) {
                return 0;
            }

            @Override
            public SpendSource readAhead(List<BudgetKey> keys) {
                events.add("read ahead; accounts existing: " + db.dsl().fetchCount(BUDGET_ACCOUNTS));
                return new SpendSource() {
                    @Override
                    public SpendBreakdown spend(BudgetKey key) {
                        events.add("spend under lock");
                        return SpendBreakdown.none(key.currency());
                    }

                    @Override
                    public double runRatePerHour(BudgetKey key) {
                        return 0;
                    }
                };
            }
        };
        var ledger = new JooqBudgetLedger(db.dsl(), slow, CLOCK);
        new BudgetReservations(new PolicyEvaluator(CLOCK), ledger).decideAndReserve("req-1", List.of(eurBudget()),
                usdRequest("req-1").toBuilder().offering(null).build());

        assertThat(events).containsExactly("read ahead; accounts existing: 0", "spend under lock");
    }
}
