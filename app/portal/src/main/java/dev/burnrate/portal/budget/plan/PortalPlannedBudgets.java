package dev.burnrate.portal.budget.plan;

import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.policy.budget.PlannedBudget;
import dev.burnrate.engine.policy.budget.PlannedBudgets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The budget plans as policies read them when they are parsed ({@code budget: <id>}). No authorisation: policies
 * judge every request whoever makes it. A plan change clears the parsed policies ({@link BudgetPlansChanged}), so
 * they read the new plan.
 */
@Component
public class PortalPlannedBudgets implements PlannedBudgets {

    private final BudgetPlanRepository repository;

    public PortalPlannedBudgets(BudgetPlanRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<PlannedBudget> find(String budgetId) {
        return repository.find(budgetId).map(PortalPlannedBudgets::toEngine);
    }

    static PlannedBudget toEngine(BudgetPlan plan) {
        BudgetPeriod period = plan.granularity() == PlanGranularity.QUARTER ? BudgetPeriod.QUARTER : BudgetPeriod.MONTH;
        return new PlannedBudget(plan.id(), plan.scope().kind().name(), plan.scope().value(), period, plan.currency(),
                plan.amounts());
    }
}
