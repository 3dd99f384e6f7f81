package dev.burnrate.portal.budget;

import static dev.burnrate.portal.db.Tables.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.policy.budget.PlannedBudget;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A policy naming a budget without a plan for the current period is reported (it sets no limit then). */
class UnplannedBudgetIT {

    @ParameterizedTest
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void aNamedBudgetWithoutAPlanThisPeriodIsReportedToThoseWhoSeeItsTeam(TestDatabase db) throws Exception {
        var dsl = db.dsl();
        dsl.insertInto(TEAMS).set(TEAMS.NAME, "ml-research").execute();
        PlannedBudget novemberOnly = new PlannedBudget("ml-research", "TEAM", "ml-research", BudgetPeriod.MONTH,
                "USD", new TreeMap<>(Map.of(LocalDate.of(2026, 11, 1), new BigDecimal("50000.00"))));
        var policy = new PolicyParser(RuleRegistry.standard(id -> Optional.of(novemberOnly))).parse("""
                id: ml-research-budget
                name: ML
                rules:
                  - type: budget
                    id: monthly
                    budget: ml-research
                    thresholds:
                      - {at: 100, action: deny}
                """, 1);
        ActivePolicies policies = mock(ActivePolicies.class);
        when(policies.load()).thenReturn(List.of(policy));
        BudgetService at = new BudgetService(policies, new PolicyEvaluator(Clock.fixed(
                Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC)), null, new CurrentUser(dsl), dsl, null);
        BudgetService inNovember = new BudgetService(policies, new PolicyEvaluator(Clock.fixed(
                Instant.parse("2026-11-07T12:00:00Z"), ZoneOffset.UTC)), null, new CurrentUser(dsl), dsl, null);

        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("finance", null,
                "ROLE_FINANCE"));
        try {
            assertThat(at.unplanned()).containsExactly("ml-research-budget/monthly names budget ml-research, which "
                    + "has no plan for 2026-12: no limit this period until finance plans it (Budget plans).");
            assertThat(inNovember.unplanned()).isEmpty();
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("stranger", null,
                    "ROLE_ENGINEER"));
            assertThat(at.unplanned()).as("not a member of ml-research").isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
