package dev.burnrate.engine.policy.budget;

import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyInput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.burnrate.engine.policy.PolicyFixtures.G5_EU_CENTRAL_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.noSpend;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Many requests race for one budget. Whatever the interleaving, every request must be judged on the reservations
 * made before it, so the counts per outcome are exact and the budget never goes past its DENY threshold.
 */
class BudgetReservationsTest {
    private static final int THREADS = 16;
    private static final int REQUESTS = 64;

    /** $20,000 a month for each team, and $30,000 for everyone together. */
    private final Policy budgets = parse("""
            id: budgets
            name: Budgets
            rules:
              - type: budget
                id: team-monthly
                scope: team
                period: month
                amount: 20000
                thresholds:
                  - {at: 80, action: require_approval}
                  - {at: 100, action: deny}
              - type: budget
                id: org-monthly
                scope: all
                period: month
                amount: 30000
                thresholds:
                  - {at: 100, action: deny}
            """);

    /** A request whose cost in the period is exactly $1,000. */
    private static PolicyInput thousandDollars(String id, String team) {
        return request(G5_EU_CENTRAL_1, 1, 10).resource(id).team(team).duration(Duration.ofHours(10))
                .hourlyCost(100).expectedTotal(1_000).build();
    }

    private static Map<Outcome, Integer> race(BudgetReservations reservations, List<Policy> policies,
                                              List<PolicyInput> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Decision>> futures = new ArrayList<>();
            for (PolicyInput input : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return reservations.decideAndReserve(input.resource(), policies, input);
                }));
            }
            start.countDown();
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (Future<Decision> future : futures) {
                counts.merge(future.get(30, TimeUnit.SECONDS).outcome(), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyRequestsAgainstOneBudgetNeverOverspend() throws Exception {
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(noSpend());
        BudgetReservations reservations = new BudgetReservations(evaluator(), ledger);
        List<PolicyInput> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(thousandDollars("req-" + i, "ml-research"));
        }

        Map<Outcome, Integer> counts = race(reservations, List.of(budgets), requests);

        // 16 fit under 80% ($16,000), 4 more under 100% need approval, the remaining 44 are denied.
        assertThat(counts).containsEntry(Outcome.ALLOW, 16).containsEntry(Outcome.REQUIRE_APPROVAL, 4)
                .containsEntry(Outcome.DENY, 44);
        BudgetKey team = evaluator().budgetKeys(List.of(budgets), requests.getFirst()).get(1);
        assertThat(team.budgetId()).isEqualTo("budgets/team-monthly");
        assertThat(ledger.reserved(team)).isCloseTo(20_000, within(1e-6));
    }

    @Test
    void requestsOfSeveralTeamsAgainstTeamAndOrganisationBudgetsNeverOverspendEither() throws Exception {
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(noSpend());
        BudgetReservations reservations = new BudgetReservations(evaluator(), ledger);
        List<PolicyInput> requests = new ArrayList<>();
        String[] teams = {"ml-research", "analytics", "platform"};
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(thousandDollars("req-" + i, teams[i % teams.length]));
        }

        Map<Outcome, Integer> counts = race(reservations, List.of(budgets), requests);

        // The organisation's $30,000 runs out first: exactly 30 requests get through in total.
        assertThat(counts.getOrDefault(Outcome.ALLOW, 0) + counts.getOrDefault(Outcome.REQUIRE_APPROVAL, 0))
                .isEqualTo(30);
        List<BudgetKey> keys = new ArrayList<>();
        for (String team : teams) {
            keys.addAll(evaluator().budgetKeys(List.of(budgets), thousandDollars("x", team)));
        }
        double orgReserved = ledger.reserved(keys.getFirst());
        assertThat(keys.getFirst().budgetId()).isEqualTo("budgets/org-monthly");
        assertThat(orgReserved).isCloseTo(30_000, within(1e-6));
        double teamsReserved = keys.stream().filter(k -> k.scope() == BudgetKey.Scope.TEAM)
                .mapToDouble(ledger::reserved).peek(r -> assertThat(r).isLessThanOrEqualTo(20_000)).sum();
        assertThat(teamsReserved).isCloseTo(30_000, within(1e-6));
    }

    @Test
    void decidingTheSameRequestAgainReplacesItsReservationAndReleaseFreesIt() {
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(noSpend());
        BudgetReservations reservations = new BudgetReservations(evaluator(), ledger);
        PolicyInput input = thousandDollars("req-1", "ml-research");
        BudgetKey team = evaluator().budgetKeys(List.of(budgets), input).get(1);

        reservations.decideAndReserve("req-1", List.of(budgets), input);
        Decision again = reservations.decideAndReserve("req-1", List.of(budgets), input);

        assertThat(again.budgets().get(1).status().committed()).as("not judged against itself").isZero();
        assertThat(ledger.reserved(team)).isEqualTo(1_000);
        ledger.release("req-1");
        assertThat(ledger.reserved(team)).isZero();
    }

    @Test
    void aDeniedRequestReservesNothing() {
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(key -> new BudgetStatus(19_500, 0, 0));
        BudgetReservations reservations = new BudgetReservations(evaluator(), ledger);
        PolicyInput input = thousandDollars("req-1", "ml-research");

        Decision decision = reservations.decideAndReserve("req-1", List.of(budgets), input);

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        for (BudgetKey key : evaluator().budgetKeys(List.of(budgets), input)) {
            assertThat(ledger.reserved(key)).isZero();
        }
    }
}
