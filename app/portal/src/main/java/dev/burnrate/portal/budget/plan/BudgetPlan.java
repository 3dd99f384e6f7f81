package dev.burnrate.portal.budget.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A budget as finance plans it: an exact amount (two decimals, in {@code currency}) per period.
 *
 * @param owner    the username who explains the budget's variance in a review
 * @param parentId the budget this one rolls up to, or null
 * @param version  the row version an edit must name (optimistic locking)
 * @param amounts  the plan: period start (first day of a month or quarter) to amount
 */
public record BudgetPlan(String id, String name, String owner, BudgetScope scope, CostMetric metric, String currency,
                         PlanGranularity granularity, String parentId, int version,
                         SortedMap<LocalDate, BigDecimal> amounts) {

    public BudgetPlan {
        amounts = Collections.unmodifiableSortedMap(new TreeMap<>(amounts));
    }

    /** The planned amount of the period starting at {@code periodStart}, if one is planned. */
    public Optional<BigDecimal> amountFor(LocalDate periodStart) {
        return Optional.ofNullable(amounts.get(periodStart));
    }
}
