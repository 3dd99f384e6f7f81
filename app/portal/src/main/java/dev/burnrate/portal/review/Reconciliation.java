package dev.burnrate.portal.review;

import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.budget.plan.CostMetric;
import dev.burnrate.portal.finance.Cents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines that make a currency's review add up: spend no budget covers, the period's total, and the adjustment
 * for rows that more than one top-level budget counts (or that a budget measures in another cost column), taken
 * from the rounded figures so that the lines as shown add up to the total as shown, to the cent.
 */
final class Reconciliation {

    private Reconciliation() {
    }

    static List<ReviewLine> lines(String currency, List<BudgetPlan> plans, SpendCells cells,
                                  List<SpendCells.Cell> effective, List<ReviewLine> lines, ReviewPeriod period,
                                  LocalDate dataEnd) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal uncovered = BigDecimal.ZERO;
        List<BigDecimal> uncoveredDaily = new ArrayList<>();
        List<BigDecimal> totalDaily = new ArrayList<>();
        for (LocalDate d = period.start(); d.isBefore(dataEnd); d = d.plusDays(1)) {
            uncoveredDaily.add(BigDecimal.ZERO);
            totalDaily.add(BigDecimal.ZERO);
        }
        for (SpendCells.Cell c : effective) {
            if (!c.currency().equals(currency) || !c.day().isBefore(dataEnd)) {
                continue;
            }
            int day = (int) ChronoUnit.DAYS.between(period.start(), c.day());
            total = total.add(c.amount());
            totalDaily.set(day, totalDaily.get(day).add(c.amount()));
            boolean covered = plans.stream().anyMatch(p -> p.currency().equals(currency)
                    && cells.covers(p.scope(), c));
            if (!covered) {
                uncovered = uncovered.add(c.amount());
                uncoveredDaily.set(day, uncoveredDaily.get(day).add(c.amount()));
            }
        }
        List<ReviewLine> topLevel = lines.stream().filter(l -> l.isBudget() && l.parentKey() == null
                && l.currency().equals(currency)).toList();
        boolean oneColumn = topLevel.stream().allMatch(l -> l.metric() == CostMetric.EFFECTIVE_COST);
        BigDecimal budgets = topLevel.stream().filter(l -> l.metric() == CostMetric.EFFECTIVE_COST)
                .map(l -> Cents.round(l.actual())).reduce(BigDecimal.ZERO, BigDecimal::add);
        // From rounded figures, so that the lines as shown add up to the total as shown, to the cent.
        BigDecimal adjustment = Cents.round(total).subtract(Cents.round(uncovered)).subtract(budgets);
        List<ReviewLine> out = new ArrayList<>();
        if (adjustment.signum() != 0) {
            out.add(ReviewCalculator.line("overlap:" + currency, LineKind.OVERLAP, oneColumn
                            ? "Counted by more than one top-level budget"
                            : "Counted by more than one top-level budget, or measured in another cost column",
                    null, null, null, null, currency, CostMetric.EFFECTIVE_COST, null, adjustment, adjustment,
                    adjustment, adjustment, ReviewCalculator.CLOSED_MODEL, List.of()));
        }
        out.add(figureLine("uncovered:" + currency, LineKind.UNCOVERED, "Not covered by any budget", currency,
                uncovered, uncoveredDaily));
        out.add(figureLine("total:" + currency, LineKind.TOTAL, "Period total (" + currency + ")", currency, total,
                totalDaily));
        return out;
    }

    private static ReviewLine figureLine(String key, LineKind kind, String label, String currency, BigDecimal amount,
                                         List<BigDecimal> daily) {
        return ReviewCalculator.line(key, kind, label, null, null, null, null, currency, CostMetric.EFFECTIVE_COST,
                null, amount, amount, amount, amount, "none: actual spend only", daily);
    }
}
