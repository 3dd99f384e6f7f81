package dev.burnrate.portal.budget.plan;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A budget as the editor sends it: every field as typed, and the plan as text per period (validated exactly, see
 * {@link PlanAmounts}). A period left blank has no plan.
 *
 * @param id          a new budget's id (lower-case slug); ignored when a budget is updated
 * @param scopeKind   a {@link BudgetScope.Kind} name
 * @param metric      a {@link CostMetric} name; blank means EffectiveCost
 * @param granularity a {@link PlanGranularity} name
 * @param parentId    the budget this one rolls up to; blank for none
 * @param amounts     period start to the amount as typed (kept sorted by period)
 */
public record PlanDraft(String id, String name, String owner, String scopeKind, String scopeValue, String metric,
                        String currency, String granularity, String parentId, Map<LocalDate, String> amounts) {

    public PlanDraft {
        amounts = Collections.unmodifiableSortedMap(new TreeMap<>(amounts == null ? Map.of() : amounts));
    }

    /** The draft of a stored budget, e.g. to open it in the editor or to change a few of its periods. */
    public static PlanDraft of(BudgetPlan plan) {
        TreeMap<LocalDate, String> text = new TreeMap<>();
        plan.amounts().forEach((start, amount) -> text.put(start, amount.toPlainString()));
        return new PlanDraft(plan.id(), plan.name(), plan.owner(), plan.scope().kind().name(), plan.scope().value(),
                plan.metric().name(), plan.currency(), plan.granularity().name(), plan.parentId(), text);
    }

    /** This draft with another plan. */
    public PlanDraft withAmounts(Map<LocalDate, String> newAmounts) {
        return new PlanDraft(id, name, owner, scopeKind, scopeValue, metric, currency, granularity, parentId,
                newAmounts);
    }
}
