package dev.burnrate.portal.review;

import dev.burnrate.portal.budget.plan.CostMetric;
import java.math.BigDecimal;
import java.util.List;

/**
 * One row of a review. Live lines carry exact amounts; signed lines carry the snapshot (rounded to the cent).
 *
 * @param key       stable id of the line within its review (explanations and proposals refer to it)
 * @param parentKey the line of the parent budget, or null
 * @param team      the team a line belongs to (a TEAM budget's or a team line's), for access; null otherwise
 * @param owner     the budget's owner, or null
 * @param plan      the period's plan, or null when none is planned
 * @param daily     the spend of each day of the period (sparkline)
 */
public record ReviewLine(String key, LineKind kind, String label, String budgetId, String parentKey, String team,
                         String owner, String currency, CostMetric metric, BigDecimal plan, BigDecimal actual,
                         BigDecimal p10, BigDecimal p50, BigDecimal p90, BigDecimal variance,
                         BigDecimal variancePercent, LineStatus status, String forecastModel,
                         List<BigDecimal> daily) {

    public ReviewLine {
        daily = List.copyOf(daily);
    }

    public boolean isBudget() {
        return kind == LineKind.BUDGET;
    }
}
