package dev.burnrate.portal.budget.api;

import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.review.ReviewLine;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * A planned budget with its plan per period and, for the asked period, the plan, the actual spend and the spend
 * forecast at period end, each an exact amount in the budget's currency.
 *
 * @param scope       TEAM:&lt;name&gt;, PROJECT:&lt;name&gt;, ... (what the budget covers)
 * @param costColumn  the FOCUS cost column it is measured in (EffectiveCost or BilledCost)
 * @param version     the row version an edit names
 * @param plan        the planned amount of each period (first day of the month or quarter)
 * @param figures     the asked period's figures; null when they are not available (see {@code figuresNote})
 */
@Schema(name = "Budget")
public record BudgetJson(String id, String name, String owner, String scope, String costColumn, String currency,
                         String granularity, String parentId, int version, List<PlannedAmount> plan,
                         PeriodFigures figures, String figuresNote) {

    @Schema(name = "BudgetPlannedAmount")
    public record PlannedAmount(String periodStart, MoneyJson amount) {
    }

    /**
     * Plan, actual and forecast of one period.
     *
     * @param variance        plan minus the P50 forecast at period end: positive is under plan
     * @param status          ON_TRACK, AT_RISK, OVER, ... as on the Reviews page; null without a plan
     */
    @Schema(name = "BudgetPeriodFigures")
    public record PeriodFigures(String period, MoneyJson plan, MoneyJson actual, MoneyJson forecastP10,
                                MoneyJson forecastP50, MoneyJson forecastP90, MoneyJson variance,
                                BigDecimal variancePercent, String status, String forecastModel) {

        static PeriodFigures of(String period, ReviewLine l) {
            String c = l.currency();
            return new PeriodFigures(period, MoneyJson.of(l.plan(), c), MoneyJson.of(l.actual(), c),
                    MoneyJson.of(l.p10(), c), MoneyJson.of(l.p50(), c), MoneyJson.of(l.p90(), c),
                    MoneyJson.of(l.variance(), c), l.variancePercent(), l.status() == null ? null : l.status().name(),
                    l.forecastModel());
        }
    }

    static BudgetJson of(BudgetPlan p, PeriodFigures figures, String figuresNote) {
        return new BudgetJson(p.id(), p.name(), p.owner(), p.scope().kind().name() + ":" + p.scope().value(),
                p.metric().column(), p.currency(), p.granularity().name(), p.parentId(), p.version(),
                p.amounts().entrySet().stream().map(e -> new PlannedAmount(e.getKey().toString(),
                        MoneyJson.of(e.getValue(), p.currency()))).toList(), figures, figuresNote);
    }
}
