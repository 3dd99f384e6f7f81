package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.PurchaseOption;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.budget.BudgetCheck;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetReservations;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.portal.currency.ExchangeRates;
import dev.burnrate.portal.policy.DecisionKind;
import dev.burnrate.portal.policy.DecisionLog;
import dev.burnrate.portal.provisioning.Estimate;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.RequestRepository;
import dev.burnrate.portal.provisioning.RequestState;
import dev.burnrate.portal.provisioning.ResourceRepository;
import dev.burnrate.portal.provisioning.Template;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one definition of committed and projected spend ({@link BudgetProjection}) as every decision reads it: an
 * approved 72-hour job counts its planned cost, not its hourly cost to the month's end, once its resource runs; a
 * running resource without a reservation runs until its planned end, or else the period's end.
 */
class BudgetProjectionIT {

    /** 2026-11-10T12:00Z: 492 hours left in November. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);
    private static final double IMPORTED = 30_000;

    private static Policy budget() throws Exception {
        return new PolicyParser(RuleRegistry.standard()).parse("""
                id: team-budget
                name: Team budget
                rules:
                  - type: budget
                    id: monthly
                    period: month
                    amount: 100000
                    thresholds:
                      - {at: 80, action: require_approval}
                """, 1);
    }

    /** Imported spend of the period: $30,000, no run rate of its own. */
    private static final SpendSource IMPORTED_ONLY = new SpendSource() {
        @Override
        public SpendBreakdown spend(BudgetKey key) {
            return SpendBreakdown.of(key.currency(), List.of(new DaySpend("USD", LocalDate.of(2026, 11, 3),
                    IMPORTED)), ExchangeRates.none());
        }

        @Override
        public double runRatePerHour(BudgetKey key) {
            return 0;
        }
    };

    private static PolicyInput job(String id, Duration duration, double hourly) {
        return PolicyInput.builder().resource(id).team("ml-research").providerId("aws")
                .region(new Region("eu-north-1", "Stockholm", "SE", "EU", new ComplianceFacts(true, true, true, true,
                        true)))
                .hourlyCost(hourly).expectedTotal(duration == null ? 0 : hourly * duration.toHours())
                .p90Total(duration == null ? 0 : hourly * duration.toHours()).duration(duration).build();
    }

    /** A request of the team whose resource runs since {@code started}. */
    private static void running(DSLContext dsl, long team, String id, Double hours, double hourly, Instant started) {
        long decision = new DecisionLog(dsl).record(DecisionKind.REQUEST, id, "ml-research", "eve",
                Decision.of(List.of(), List.of(), List.of()), Map.of(), started);
        RequestDraft draft = new RequestDraft(Template.GPU_TRAINING, "ml-research", null, id, "aws", "eu-north-1",
                "p5.48xlarge", 1, PurchaseOption.ON_DEMAND, hours, "internal", Map.of(), true, true, true, false);
        double total = hours == null ? 0 : hourly * hours;
        var requests = new RequestRepository(dsl);
        requests.insert(id, team, "eve", draft, new Estimate(hourly, total, total, hourly * 730, "list prices"),
                "ALLOW", RequestState.PROVISIONED, false, decision, started);
        new ResourceRepository(dsl).insert(requests.find(id).orElseThrow(),
                new ResourceStatus("res-" + id, ResourceState.RUNNING, started, null), started);
    }

    private static long team(DSLContext dsl) {
        return dsl.insertInto(dev.burnrate.portal.db.Tables.TEAMS).set(dev.burnrate.portal.db.Tables.TEAMS.NAME,
                "ml-research").returning().fetchSingle().getId();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void afterApprovingAJobTheProjectionIsActualPlusItsPlannedCost(TestDatabase db) throws Exception {
        long team = team(db.dsl());
        PolicyEvaluator evaluator = new PolicyEvaluator(CLOCK);
        List<Policy> policies = List.of(budget());
        var ledger = new JooqBudgetLedger(db.dsl(), IMPORTED_ONLY, CLOCK);
        var reservations = new BudgetReservations(evaluator, ledger);

        // A 72-hour job at $100/h is approved (reserved) and its resource runs.
        reservations.decideAndReserve("job-72h", policies, job("job-72h", Duration.ofHours(72), 100));
        running(db.dsl(), team, "job-72h", 72.0, 100, CLOCK.instant());

        // The next decision on the account sees actual + the job's planned $7,200, not $100/h to the month's end.
        Decision next = reservations.decideAndReserve("probe", policies, job("probe", Duration.ofHours(1), 1));
        BudgetCheck check = next.budgets().getFirst();
        assertThat(check.status().committed()).isCloseTo(7_200, within(1e-6));
        assertThat(check.projected() - check.requestCost()).isCloseTo(IMPORTED + 7_200, within(1e-6));

        // The Budgets page and the approval queue read the same figures.
        BudgetKey key = check.key();
        var figures = BudgetProjection.withoutRunRate(db.dsl(), ExchangeRates::none, CLOCK)
                .status(key, IMPORTED, new ReservationStore(db.dsl()).committed(key, "probe"), null);
        assertThat(figures).isEqualTo(check.status());
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void runningResourcesWithoutAReservationRunToTheirPlannedEndOrThePeriodsEnd(TestDatabase db) throws Exception {
        long team = team(db.dsl());
        // Approved last month (their reservations were on October's account): one open-ended service at $10/h,
        // and a 72-hour job at $10/h started 24 hours ago, 48 hours to go.
        running(db.dsl(), team, "service", null, 10, Instant.parse("2026-10-20T00:00:00Z"));
        running(db.dsl(), team, "late-job", 72.0, 10, CLOCK.instant().minus(Duration.ofHours(24)));
        BudgetKey key = new PolicyEvaluator(CLOCK).budgetKeys(List.of(budget()), job("x", null, 1)).getFirst();

        var status = BudgetProjection.withoutRunRate(db.dsl(), ExchangeRates::none, CLOCK)
                .status(key, IMPORTED, 0, null);

        assertThat(status.committed()).isCloseTo(10 * 492 + 10 * 48, within(1e-6));
        assertThat(status.runRatePerHour()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void theRunRateOfUncommittedSpendIsReadBeforeTheLockAndAddsToCommittedWork(TestDatabase db) throws Exception {
        team(db.dsl());
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        SpendRunRate tenPerHour = (key, now) -> {
            reads.incrementAndGet();
            return 10;
        };
        var ledger = new JooqBudgetLedger(db.dsl(), IMPORTED_ONLY, CLOCK, ExchangeRates::none,
                new BudgetProjection(db.dsl(), ExchangeRates::none, tenPerHour, CLOCK));
        var reservations = new BudgetReservations(new PolicyEvaluator(CLOCK), ledger);

        reservations.decideAndReserve("job-72h", List.of(budget()), job("job-72h", Duration.ofHours(72), 100));
        BudgetCheck check = reservations.decideAndReserve("probe", List.of(budget()),
                job("probe", Duration.ofHours(1), 1)).budgets().getFirst();

        assertThat(reads).hasValue(2);
        assertThat(check.projected() - check.requestCost()).isCloseTo(IMPORTED + 7_200 + 10 * 492, within(1e-6));
    }
}
