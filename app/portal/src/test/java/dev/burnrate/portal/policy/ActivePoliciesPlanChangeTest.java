package dev.burnrate.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.burnrate.engine.policy.RuleRegistry;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.policy.budget.BudgetRule;
import dev.burnrate.engine.policy.budget.PlannedBudget;
import dev.burnrate.engine.policy.schema.PolicyParser;
import dev.burnrate.portal.budget.plan.BudgetPlansChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A parsed policy holds the plan of the budget it names until a plan change makes every policy parse again. */
class ActivePoliciesPlanChangeTest {

    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    private static PlannedBudget plan(String amount) {
        return new PlannedBudget("ml-research", "TEAM", "ml-research", BudgetPeriod.MONTH, "USD",
                new TreeMap<>(Map.of(DECEMBER, new BigDecimal(amount))));
    }

    @Test
    void aPlanChangeIsReadByTheNextLoad() {
        AtomicReference<PlannedBudget> current = new AtomicReference<>(plan("50000.00"));
        PolicyRepository repository = mock(PolicyRepository.class);
        when(repository.findAll()).thenReturn(List.of(new StoredPolicy("p", 1, "P", "ENFORCE", "all", true,
                Instant.EPOCH, "admin", """
                id: p
                name: P
                rules:
                  - type: budget
                    budget: ml-research
                    thresholds:
                      - {at: 100, action: deny}
                """)));
        ActivePolicies policies = new ActivePolicies(repository,
                new PolicyParser(RuleRegistry.standard(id -> Optional.of(current.get()))));

        assertThat(amount(policies)).isEqualByComparingTo("50000");
        current.set(plan("42000.00"));
        assertThat(amount(policies)).as("cached until the plan changes").isEqualByComparingTo("50000");

        policies.planChanged(new BudgetPlansChanged("ml-research"));

        assertThat(amount(policies)).isEqualByComparingTo("42000");
    }

    private static BigDecimal amount(ActivePolicies policies) {
        return ((BudgetRule) policies.load().getFirst().rules().getFirst()).plan().amounts().get(DECEMBER);
    }
}
