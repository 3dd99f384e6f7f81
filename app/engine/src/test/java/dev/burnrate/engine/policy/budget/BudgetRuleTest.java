package dev.burnrate.engine.policy.budget;

import dev.burnrate.engine.policy.ApproverRole;
import dev.burnrate.engine.policy.Decision;
import dev.burnrate.engine.policy.Outcome;
import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.PolicyInput;
import dev.burnrate.engine.policy.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.burnrate.engine.policy.PolicyFixtures.NOW;
import static dev.burnrate.engine.policy.PolicyFixtures.P5_EU_NORTH_1;
import static dev.burnrate.engine.policy.PolicyFixtures.evaluator;
import static dev.burnrate.engine.policy.PolicyFixtures.parse;
import static dev.burnrate.engine.policy.PolicyFixtures.request;
import static dev.burnrate.engine.policy.PolicyFixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BudgetRuleTest {
    /** One p5.48xlarge in eu-north-1 for a day: 24 x $58.8928 = $1,413.43. */
    private final PolicyInput dayOfP5 = request(P5_EU_NORTH_1, 1, 24).build();
    private final Policy budget = parse("""
            id: ml-budget
            name: ML research monthly budget
            scope:
              team: ml-research
            rules:
              - type: budget
                id: monthly
                period: month
                amount: 100000
                thresholds:
                  - {at: 50, action: notify}
                  - {at: 80, action: require_approval}
                  - {at: 100, action: deny}
                  - {at: 100, action: notify, basis: projected}
            """);

    private Decision judge(PolicyInput input, BudgetStatus status) {
        return judge(budget, input, status);
    }

    /** Every account of the request's team or project stands at {@code status}. */
    private static Decision judge(Policy policy, PolicyInput input, BudgetStatus status) {
        BudgetStatusProvider team = spend(input.team(), status);
        BudgetStatusProvider project = spend(String.valueOf(input.project()), status);
        return evaluator().evaluate(List.of(policy), input,
                key -> key.scope() == BudgetKey.Scope.PROJECT ? project.status(key) : team.status(key));
    }

    @Test
    void underFiftyPercentIsAllowedAndTheFiguresAreReported() {
        Decision decision = judge(dayOfP5, new BudgetStatus(10_000, 0, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        BudgetCheck check = decision.budgets().getFirst();
        assertThat(check.key().budgetId()).isEqualTo("ml-budget/monthly");
        assertThat(check.key().describeScope()).isEqualTo("team ml-research");
        assertThat(check.periodLabel()).isEqualTo("2026-11");
        assertThat(check.requestCost()).isCloseTo(1413.43, within(0.01));
        assertThat(check.percent()).isCloseTo(11.41, within(0.01));
        assertThat(check.crossed()).isEmpty();
    }

    @Test
    void fiftyPercentNotifies() {
        Decision decision = judge(dayOfP5, new BudgetStatus(40_000, 9_000, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.WARN);
        assertThat(decision.approverRoles()).isEmpty();
    }

    @Test
    void eightyPercentAsksFinanceToApproveWithTheBudgetFiguresAsEvidence() {
        Decision decision = judge(dayOfP5, new BudgetStatus(70_000, 9_000, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(decision.approverRoles()).containsExactlyInAnyOrder(ApproverRole.APPROVER, ApproverRole.FINANCE);
        Violation v = decision.violations().getFirst();
        assertThat(v.ruleType()).isEqualTo("budget");
        assertThat(v.evidence()).containsEntry("amount", 100_000.0).containsEntry("actual", 70_000.0)
                .containsEntry("committed", 9_000.0).containsEntry("request_cost", 1413.43)
                .containsEntry("total", 80_413.43).containsEntry("percent", 80.4).containsEntry("threshold", "80%")
                .containsEntry("period", "2026-11");
        assertThat(v.message()).contains("$80,413.43 of $100,000.00 (80.4%)", "80% threshold",
                "approval by finance");
    }

    @Test
    void goingPastOneHundredPercentIsDenied() {
        Decision decision = judge(dayOfP5, new BudgetStatus(95_000, 4_000, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.approverRoles()).isEmpty();
        assertThat(decision.reasons()).extracting(Violation::message).singleElement().asString()
                .contains("new provisioning is denied");
    }

    @Test
    void reachingAThresholdExactlyIsNotCrossingIt() {
        PolicyInput exactly = dayOfP5.toBuilder().expectedTotal(1_000).build();

        assertThat(judge(exactly, new BudgetStatus(79_000, 0, 0)).outcome()).isEqualTo(Outcome.WARN);
        assertThat(judge(exactly, new BudgetStatus(99_000, 0, 0)).outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
    }

    @Test
    void theRunRateProjectionToMonthEndCanNotify() {
        // $150/h for the 492 hours left: 30,000 + 73,800 + 1,413 > 100,000, while committed spend is only 31%.
        Decision decision = judge(dayOfP5, new BudgetStatus(30_000, 0, 150));

        assertThat(decision.outcome()).isEqualTo(Outcome.WARN);
        Violation v = decision.violations().getFirst();
        assertThat(v.code()).isEqualTo("budget-projected-100%");
        assertThat(v.message()).contains("projected to reach $105,213.43");
        assertThat(v.evidence()).containsEntry("projected", 105_213.43).containsEntry("run_rate_per_hour", 150.0);
    }

    @Test
    void aThresholdOnTheForecastsP90AsksForApprovalWhereTheMedianProjectionStaysBelowIt() {
        Policy cautious = parse("""
                id: cautious-budget
                name: Cautious budget
                scope:
                  team: ml-research
                rules:
                  - type: budget
                    id: monthly
                    period: month
                    amount: 100000
                    thresholds:
                      - {at: 90, action: require_approval, basis: projected-p90}
                """);
        // Median projection: 30,000 + 100 x 492 + 1,413.43 = 80,613.43 (80.6%); P90 adds 12,000 (92.6%).
        Decision risky = judge(cautious, dayOfP5, new BudgetStatus(30_000, 0, 100, 12_000));
        assertThat(risky.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        Violation v = risky.violations().getFirst();
        assertThat(v.code()).isEqualTo("budget-projected-p90-90%");
        assertThat(v.message()).contains("may reach $92,613.43").contains("forecast's P90")
                .contains("90% (projected, P90) threshold");
        assertThat(v.evidence()).containsEntry("projected_p90", 92_613.43);

        assertThat(judge(cautious, dayOfP5, new BudgetStatus(30_000, 0, 100, 5_000)).outcome())
                .as("P90 at 85.6%").isEqualTo(Outcome.ALLOW);
        assertThat(judge(cautious, dayOfP5, new BudgetStatus(30_000, 0, 100)).outcome())
                .as("no forecast band: the P90 projection is the projection").isEqualTo(Outcome.ALLOW);
    }

    @Test
    void committedWorkAndTheRunRateOfUncommittedSpendAddUpInTheProjection() {
        // 492 hours left: a 72-hour job committed at $4,951 is not replaced by the run rate, it comes on top of it.
        BudgetRule rule = (BudgetRule) budget.rules().getFirst();
        BudgetKey key = rule.keyFor("ml-budget", "ml-research", null, NOW, ZoneOffset.UTC).orElseThrow();

        BudgetCheck check = rule.judge(key, new BudgetStatus(30_000, 4_951, 10), 0, NOW, ZoneOffset.UTC);

        assertThat(check.projected()).isCloseTo(30_000 + 4_951 + 10 * 492, within(1e-6));
        assertThat(rule.judge(key, new BudgetStatus(30_000, 4_951, 0), 0, NOW, ZoneOffset.UTC).projected())
                .isCloseTo(34_951, within(1e-6));
    }

    @Test
    void onlyThePartOfALongJobInsideThePeriodCounts() {
        BudgetRule rule = (BudgetRule) budget.rules().getFirst();
        BudgetKey key = rule.keyFor("ml-budget", "ml-research", null, NOW, ZoneOffset.UTC).orElseThrow();
        PolicyInput longJob = dayOfP5.toBuilder().duration(Duration.ofHours(984)).expectedTotal(10_000).build();
        PolicyInput openEnded = dayOfP5.toBuilder().duration(null).hourlyCost(10).build();

        assertThat(rule.requestCost(longJob, key, NOW)).isCloseTo(5_000, within(1e-6));
        assertThat(rule.requestCost(openEnded, key, NOW)).isCloseTo(4_920, within(1e-6));
        assertThat(rule.requestCost(dayOfP5, key, Instant.parse("2026-12-01T00:00:00Z"))).isZero();
    }

    @Test
    void p90EstimatesQuartersAndProjectBudgets() {
        Policy quarterly = parse("""
                id: llm-quarter
                name: LLM project quarterly budget
                rules:
                  - type: budget
                    scope: project
                    period: quarter
                    amount: 5000
                    estimate: p90
                    thresholds:
                      - {at: 100, action: deny}
                """);
        PolicyInput threeDays = request(P5_EU_NORTH_1, 1, 72).build(); // expected 4,240.28; P90 4,664.31

        Decision decision = judge(quarterly, threeDays, new BudgetStatus(500, 0, 0));

        BudgetCheck check = decision.budgets().getFirst();
        assertThat(check.periodLabel()).isEqualTo("2026-Q4");
        assertThat(check.key().start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(check.key().end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(check.key().describeScope()).isEqualTo("project llm-pretrain");
        assertThat(check.requestCost()).isCloseTo(4_664.31, within(0.01));
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);

        Decision noProject = judge(quarterly, threeDays.toBuilder().project(null).build(), BudgetStatus.empty());
        assertThat(noProject.budgets()).isEmpty();
        assertThat(noProject.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void anAuditModeBudgetOnlyWarns() {
        Policy audit = parse(budget.source().replace("name: ML", "mode: audit\nname: ML"));

        Decision decision = judge(audit, dayOfP5, new BudgetStatus(95_000, 4_000, 0));

        assertThat(decision.outcome()).isEqualTo(Outcome.WARN);
        assertThat(decision.violations().getFirst().intendedOutcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.approverRoles()).isEmpty();
    }
}
