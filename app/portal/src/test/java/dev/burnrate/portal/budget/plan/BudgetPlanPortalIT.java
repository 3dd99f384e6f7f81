package dev.burnrate.portal.budget.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.engine.policy.Policy;
import dev.burnrate.engine.policy.budget.BudgetRule;
import dev.burnrate.portal.policy.ActivePolicies;
import dev.burnrate.portal.policy.PolicyService;
import dev.burnrate.portal.policy.PolicyValidationFailed;
import dev.burnrate.engine.policy.schema.PolicyError;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.support.BrowserTestBase;
import dev.burnrate.portal.support.RunAs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Budget plans in the running demo portal (read-only, so the browser tests sharing it see the demo as loaded):
 * only FINANCE and ADMIN change plans, the demo has a plan per team under the Research parent, and the demo budget
 * policy judges against its team's plan.
 */
class BudgetPlanPortalIT extends BrowserTestBase {

    @Autowired
    ApplicationContext app;
    @Autowired
    BudgetPlanService plans;
    @Autowired
    ActivePolicies policies;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PolicyService policyService;

    private final LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);

    @Test
    void engineersAndApproversCannotChangePlans() {
        PlanDraft draft = PlanFixture.team("it-engineer", "it-team", Map.of());
        assertThatThrownBy(() -> RunAs.user(app, "engineer", () -> plans.create(draft), Role.ENGINEER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RunAs.user(app, "approver", () -> plans.update("vision", 0, draft), Role.APPROVER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RunAs.user(app, "approver", () -> {
            plans.delete("vision", 0);
            return null;
        }, Role.APPROVER)).isInstanceOf(AccessDeniedException.class);
        assertThat(RunAs.user(app, "finance", () -> plans.find("it-engineer"), Role.FINANCE)).isEmpty();
    }

    @Test
    void theDemoPlansEveryTeamWithMlResearchAndVisionUnderResearch() {
        List<PlanRollUp> rows = RunAs.user(app, "finance", plans::rollUp, Role.FINANCE);
        assertThat(rows).extracting(r -> r.plan().id()).contains("research", "ml-research", "vision", "inference",
                "platform", "search");
        PlanRollUp research = rows.stream().filter(r -> r.plan().id().equals("research")).findFirst().orElseThrow();
        assertThat(research.childIds()).containsExactly("ml-research", "vision");
        assertThat(research.childrenSum().get(thisMonth)).isEqualByComparingTo("59500");
        assertThat(research.belowChildren()).isEmpty();
        assertThat(research.plan().owner()).isEqualTo("finance");

        Map<String, String> monthly = Map.of("ml-research", "50000", "inference", "14000", "platform", "7000",
                "vision", "9500", "search", "5000");
        monthly.forEach((team, amount) -> {
            BudgetPlan plan = rows.stream().filter(r -> r.plan().id().equals(team)).findFirst().orElseThrow().plan();
            assertThat(plan.owner()).isEqualTo("approver");
            assertThat(plan.amountFor(thisMonth)).contains(new BigDecimal(amount).setScale(2));
            assertThat(plan.amountFor(thisMonth.minusMonths(12))).as("the last twelve closed months").isPresent();
            assertThat(plan.amountFor(LocalDate.of(thisMonth.getYear(), 12, 1))).as("the whole year").isPresent();
        });

        assertThat(RunAs.user(app, "engineer", plans::visible, Role.ENGINEER)).extracting(BudgetPlan::id)
                .containsExactly("ml-research");
        assertThat(RunAs.user(app, "engineer", () -> plans.amountFor("ml-research", LocalDate.now(ZoneOffset.UTC)),
                Role.ENGINEER)).contains(new BigDecimal("50000.00"));
    }

    @Test
    void theDemoBudgetPolicyNamesTheTeamsPlan() {
        Policy policy = tx.execute(s -> policies.load()).stream().filter(p -> p.id().equals("ml-research-budget"))
                .findFirst().orElseThrow();
        BudgetRule rule = (BudgetRule) policy.rules().getFirst();
        assertThat(rule.plan()).isNotNull();
        assertThat(rule.plan().id()).isEqualTo("ml-research");
        assertThat(rule.plan().amounts().get(thisMonth)).isEqualByComparingTo("50000");
    }

    @Test
    void aPolicyNamingAnUnknownOrNonTeamBudgetIsRefusedWhenSaved() {
        String policy = """
                id: it-plan-policy
                name: Plan policy
                rules:
                  - type: budget
                    budget: %s
                    thresholds:
                      - {at: 100, action: deny}
                """;
        assertThatThrownBy(() -> RunAs.user(app, "admin", () -> policyService.save(null, policy.formatted("nope"),
                "test"), Role.ADMIN)).isInstanceOfSatisfying(PolicyValidationFailed.class, e -> assertThat(
                e.errors()).extracting(PolicyError::message).anySatisfy(m -> assertThat(m)
                .contains("there is no budget 'nope'")));
        assertThatThrownBy(() -> RunAs.user(app, "admin", () -> policyService.save(null,
                policy.formatted("research"), "test"), Role.ADMIN)).isInstanceOfSatisfying(
                PolicyValidationFailed.class, e -> assertThat(e.errors()).extracting(PolicyError::message)
                .anySatisfy(m -> assertThat(m).contains("covers a tag scope")));
        assertThat(RunAs.user(app, "admin", () -> policyService.get("it-plan-policy"), Role.ADMIN)).isEmpty();
    }

    @Test
    void aCurrencyTheTeamsSpendWasNotBilledInIsRefused() {
        PlanDraft inFrancs = new PlanDraft("it-chf", "ML research in CHF", "approver", "TEAM", "ml-research", "BILLED_COST",
                "CHF", "MONTH", null, Map.of());
        try {
            assertThatThrownBy(() -> RunAs.user(app, "finance", () -> plans.create(inFrancs), Role.FINANCE))
                    .isInstanceOfSatisfying(PlanValidationException.class, e -> assertThat(e.errors().get("currency"))
                            .contains("Team ml-research was billed only in USD in the last 12 months and there is no "
                                    + "exchange rate to CHF"));
        } finally {
            RunAs.user(app, "finance", () -> plans.find("it-chf"), Role.FINANCE).ifPresent(p -> RunAs.user(app,
                    "finance", () -> {
                        plans.delete(p.id(), p.version());
                        return null;
                    }, Role.FINANCE));
        }
    }
}
