package dev.burnrate.portal.budget.plan;

import static dev.burnrate.portal.db.Tables.BUDGET_PLANS;
import static dev.burnrate.portal.db.Tables.BUDGET_PLAN_AMOUNTS;

import dev.burnrate.portal.db.tables.records.BudgetPlansRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
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
        Map<String, TreeMap<LocalDate, BigDecimal>> amounts = amounts(DSL.trueCondition());
        return dsl.selectFrom(BUDGET_PLANS).orderBy(BUDGET_PLANS.NAME, BUDGET_PLANS.ID).fetch().stream()
                .map(r -> toPlan(r, amounts.getOrDefault(r.getId(), new TreeMap<>()))).toList();
    }

    public Optional<BudgetPlan> find(String id) {
        return dsl.selectFrom(BUDGET_PLANS).where(BUDGET_PLANS.ID.eq(id)).fetchOptional().map(r -> toPlan(r,
                amounts(BUDGET_PLAN_AMOUNTS.BUDGET_ID.eq(id)).getOrDefault(id, new TreeMap<>())));
    }

    /** The plan amounts of the budgets {@code which} selects, per budget id, by period start. */
    private Map<String, TreeMap<LocalDate, BigDecimal>> amounts(Condition which) {
        return dsl.selectFrom(BUDGET_PLAN_AMOUNTS).where(which).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getBudgetId(),
                        Collectors.toMap(r -> r.getPeriodStart(), r -> r.getAmount(), (a, b) -> a, TreeMap::new)));
    }

    /** Who last changed a budget and when, e.g. for a stale edit's message; empty once it is deleted. */
    public Optional<String> lastChange(String id) {
        return dsl.select(BUDGET_PLANS.UPDATED_BY, BUDGET_PLANS.UPDATED_AT).from(BUDGET_PLANS)
                .where(BUDGET_PLANS.ID.eq(id)).fetchOptional()
                .map(r -> r.value1() + " at " + r.value2().toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Stores a new budget at version 0 with its amounts. */
    public void insert(BudgetPlan plan, String actor, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        dsl.insertInto(BUDGET_PLANS)
                .set(BUDGET_PLANS.ID, plan.id())
                .set(editable(plan))
                .set(BUDGET_PLANS.VERSION, 0)
                .set(BUDGET_PLANS.CREATED_AT, at).set(BUDGET_PLANS.CREATED_BY, actor)
                .set(BUDGET_PLANS.UPDATED_AT, at).set(BUDGET_PLANS.UPDATED_BY, actor)
                .execute();
        insertAmounts(plan);
    }

    /**
     * Replaces a budget's fields and amounts if it is still at {@code expectedVersion}, moving it to the next
     * version; false (and nothing changed) when someone changed or deleted it since.
     */
    public boolean update(BudgetPlan plan, int expectedVersion, String actor, Instant now) {
        int updated = dsl.update(BUDGET_PLANS)
                .set(editable(plan))
                .set(BUDGET_PLANS.VERSION, BUDGET_PLANS.VERSION.plus(1))
                .set(BUDGET_PLANS.UPDATED_AT, now.atOffset(ZoneOffset.UTC)).set(BUDGET_PLANS.UPDATED_BY, actor)
                .where(BUDGET_PLANS.ID.eq(plan.id()).and(BUDGET_PLANS.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 0) {
            return false;
        }
        dsl.deleteFrom(BUDGET_PLAN_AMOUNTS).where(BUDGET_PLAN_AMOUNTS.BUDGET_ID.eq(plan.id())).execute();
        insertAmounts(plan);
        return true;
    }

    /** Deletes a budget still at {@code expectedVersion} (its amounts go with it); false when it changed since. */
    public boolean delete(String id, int expectedVersion) {
        return dsl.deleteFrom(BUDGET_PLANS)
                .where(BUDGET_PLANS.ID.eq(id).and(BUDGET_PLANS.VERSION.eq(expectedVersion))).execute() == 1;
    }

    private void insertAmounts(BudgetPlan plan) {
        if (plan.amounts().isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(BUDGET_PLAN_AMOUNTS, BUDGET_PLAN_AMOUNTS.BUDGET_ID,
                BUDGET_PLAN_AMOUNTS.PERIOD_START, BUDGET_PLAN_AMOUNTS.AMOUNT);
        plan.amounts().forEach((start, amount) -> insert.values(plan.id(), start, amount));
        insert.execute();
    }

    /** The columns an edit may change (everything but the id, the version and who created it when). */
    private static Map<Field<?>, Object> editable(BudgetPlan plan) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(BUDGET_PLANS.NAME, plan.name());
        columns.put(BUDGET_PLANS.OWNER_USERNAME, plan.owner());
        columns.put(BUDGET_PLANS.SCOPE_KIND, plan.scope().kind().name());
        columns.put(BUDGET_PLANS.SCOPE_VALUE, plan.scope().value());
        columns.put(BUDGET_PLANS.COST_METRIC, plan.metric().name());
        columns.put(BUDGET_PLANS.CURRENCY, plan.currency());
        columns.put(BUDGET_PLANS.GRANULARITY, plan.granularity().name());
        columns.put(BUDGET_PLANS.PARENT_ID, plan.parentId());
        return columns;
    }

    private static BudgetPlan toPlan(BudgetPlansRecord r, TreeMap<LocalDate, BigDecimal> amounts) {
        return new BudgetPlan(r.getId(), r.getName(), r.getOwnerUsername(),
                new BudgetScope(BudgetScope.Kind.valueOf(r.getScopeKind()), r.getScopeValue()),
                CostMetric.valueOf(r.getCostMetric()), r.getCurrency(), PlanGranularity.valueOf(r.getGranularity()),
                r.getParentId(), r.getVersion(), amounts);
    }
}
