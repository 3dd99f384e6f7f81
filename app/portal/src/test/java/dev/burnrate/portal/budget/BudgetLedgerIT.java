package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.ComplianceFacts;
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
import dev.burnrate.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many requests against one budget, each decided in its own database transaction on its own connection: the row
 * locks must make the counts per outcome exact and keep the reservations at or under the DENY threshold, on H2
 * and on PostgreSQL.
 */
class BudgetLedgerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);
    private static final int REQUESTS = 40;
    private static final int THREADS = 8;

    private static Policy budget() throws Exception {
        return new PolicyParser(RuleRegistry.standard()).parse("""
                id: team-budget
                name: Team budget
                rules:
                  - type: budget
                    id: monthly
                    period: month
                    amount: 20000
                    thresholds:
                      - {at: 80, action: require_approval}
                      - {at: 100, action: deny}
                """, 1);
    }

    private static PolicyInput request(String id) {
        return PolicyInput.builder().resource(id).team("ml-research").providerId("aws")
                .region(new Region("eu-north-1", "Stockholm", "SE", "EU", new ComplianceFacts(true, true, true, true,
                        true)))
                .hourlyCost(100).expectedTotal(1_000).p90Total(1_100).duration(Duration.ofHours(10)).build();
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void concurrentRequestsNeverOverspendTheBudget(TestDatabase db) throws Exception {
        db.dsl().execute("insert into teams (name) values ('ml-research')");
        PolicyEvaluator evaluator = new PolicyEvaluator(CLOCK);
        List<Policy> policies = List.of(budget());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        try {
            List<Future<Decision>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String id = "req-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return db.dsl().transactionResult(tx -> {
                        var ledger = new JooqBudgetLedger(tx.dsl(), new MeteredSpend(tx.dsl()), CLOCK);
                        return new BudgetReservations(evaluator, ledger).decideAndReserve(id, policies, request(id));
                    });
                }));
            }
            start.countDown();
            for (Future<Decision> future : futures) {
                counts.merge(future.get(60, TimeUnit.SECONDS).outcome(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counts).containsEntry(Outcome.ALLOW, 16).containsEntry(Outcome.REQUIRE_APPROVAL, 4)
                .containsEntry(Outcome.DENY, 20);
        BudgetKey key = evaluator.budgetKeys(policies, request("x")).getFirst();
        var ledger = new JooqBudgetLedger(db.dsl(), new MeteredSpend(db.dsl()), CLOCK);
        assertThat(ledger.reserved(key)).isEqualTo(20_000.0);
        assertThat(db.dsl().fetchCount(dev.burnrate.portal.db.Tables.BUDGET_RESERVATIONS)).isEqualTo(20);
    }

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aRetriedDecisionReplacesItsReservationAndReleaseFreesIt(TestDatabase db) throws Exception {
        db.dsl().execute("insert into teams (name) values ('ml-research')");
        PolicyEvaluator evaluator = new PolicyEvaluator(CLOCK);
        List<Policy> policies = List.of(budget());
        var ledger = new JooqBudgetLedger(db.dsl(), new MeteredSpend(db.dsl()), CLOCK);
        var reservations = new BudgetReservations(evaluator, ledger);

        reservations.decideAndReserve("req-1", policies, request("req-1"));
        Decision again = reservations.decideAndReserve("req-1", policies, request("req-1"));

        BudgetKey key = evaluator.budgetKeys(policies, request("x")).getFirst();
        assertThat(again.budgets().getFirst().status().committed()).isZero();
        assertThat(ledger.reserved(key)).isEqualTo(1_000.0);
        ledger.release("req-1");
        assertThat(ledger.reserved(key)).isZero();
    }
}
