package dev.burnrate.portal.budget.plan;

import static dev.burnrate.portal.db.Tables.BUDGET_PLANS;
import static dev.burnrate.portal.db.Tables.BUDGET_PLAN_AMOUNTS;

import dev.burnrate.portal.db.tables.records.BudgetPlansRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Budget plans as stored. No authorisation here: the services around it decide who may read or change what. */
@Repository
public class BudgetPlanRepository {

    private final DSLContext dsl;

    public BudgetPlanRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every budget, by name. */
    public List<BudgetPlan> findAll() {
        Map<String, TreeMap<LocalDate, BigDecimal>> amounts = dsl.selectFrom(BUDGET_PLAN_AMOUNTS).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getBudgetId(),
                        Collectors.toMap(r -> r.getPeriodStart(), r -> r.getAmount(), (a, b) -> a, TreeMap::new)));
        return dsl.selectFrom(BUDGET_PLANS).orderBy(BUDGET_PLANS.NAME, BUDGET_PLANS.ID).fetch().stream()
                .map(r -> toPlan(r, amounts.getOrDefault(r.getId(), new TreeMap<>()))).toList();
    }

    public Optional<BudgetPlan> find(String id) {
        return dsl.selectFrom(BUDGET_PLANS).where(BUDGET_PLANS.ID.eq(id)).fetchOptional().map(r -> toPlan(r,
                dsl.selectFrom(BUDGET_PLAN_AMOUNTS).where(BUDGET_PLAN_AMOUNTS.BUDGET_ID.eq(id)).fetch().stream()
                        .collect(Collectors.toMap(a -> a.getPeriodStart(), a -> a.getAmount(), (a, b) -> a,
                                TreeMap::new))));
    }

    private static BudgetPlan toPlan(BudgetPlansRecord r, TreeMap<LocalDate, BigDecimal> amounts) {
        return new BudgetPlan(r.getId(), r.getName(), r.getOwnerUsername(),
                new BudgetScope(BudgetScope.Kind.valueOf(r.getScopeKind()), r.getScopeValue()),
                CostMetric.valueOf(r.getCostMetric()), r.getCurrency(), PlanGranularity.valueOf(r.getGranularity()),
                r.getParentId(), r.getVersion(), amounts);
    }
}
