package dev.burnrate.portal.review;

import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.budget.plan.BudgetScope;
import dev.burnrate.portal.budget.plan.CostMetric;
import dev.burnrate.portal.finance.Cents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Computes a review's lines from spend cells and plans: one line per budget (children under their parent), one per
 * team and project with spend but no budget of their own, and per currency the spend no budget covers, an
 * adjustment for spend counted by more than one top-level budget, and the period's total, so that
 * top-level budgets + adjustment + not covered = total, to the cent, in each currency (currencies never mix).
 */
final class ReviewCalculator {

    /** Days of history the forecast of an open period learns from, before the period's first day. */
    static final int HISTORY_DAYS = 56;
    static final String CLOSED_MODEL = "none: the period has ended (forecast = actual)";

    private final SpendForecaster forecaster;

    ReviewCalculator(SpendForecaster forecaster) {
        this.forecaster = forecaster;
    }

    /** Where the cells of a review of {@code period} must start. */
    static LocalDate cellsFrom(ReviewPeriod period, LocalDate today) {
        return period.closedBy(today) ? period.start() : period.start().minusDays(HISTORY_DAYS);
    }

    /** A line before its forecast: which cells it counts. */
    private record Draft(String key, LineKind kind, String label, String budgetId, String parentKey, String team,
                         String owner, String currency, CostMetric metric, BigDecimal plan,
                         Predicate<SpendCells.Cell> counts) {
    }

    List<ReviewLine> compute(ReviewPeriod period, List<BudgetPlan> plans, SpendCells cells, LocalDate today) {
        LocalDate start = period.start();
        LocalDate end = period.end();
        LocalDate dataEnd = period.closedBy(today) ? end : lastDayWithData(cells, start, today).plusDays(1);
        List<Draft> drafts = new ArrayList<>();
        Map<String, List<BudgetPlan>> children = plans.stream().filter(p -> p.parentId() != null)
                .collect(Collectors.groupingBy(BudgetPlan::parentId));
        plans.stream().filter(p -> p.parentId() == null || plans.stream().noneMatch(q -> q.id().equals(p.parentId())))
                .sorted(Comparator.comparing(BudgetPlan::name))
                .forEach(p -> addBudget(drafts, p, null, children, cells, period));
        List<SpendCells.Cell> effective = inPeriod(cells.of(CostMetric.EFFECTIVE_COST), start, end);
        addUnbudgeted(drafts, LineKind.TEAM, SpendCells.TEAM, BudgetScope.Kind.TEAM, plans, effective);
        addUnbudgeted(drafts, LineKind.PROJECT, SpendCells.PROJECT, BudgetScope.Kind.PROJECT, plans, effective);

        List<ReviewLine> lines = forecastAll(drafts, cells, period, dataEnd);
        for (String currency : new TreeSet<>(effective.stream().map(SpendCells.Cell::currency).toList())) {
            lines.addAll(Reconciliation.lines(currency, plans, cells, effective, lines, period, dataEnd));
        }
        return lines;
    }

    private void addBudget(List<Draft> drafts, BudgetPlan plan, String parentKey,
                           Map<String, List<BudgetPlan>> children, SpendCells cells, ReviewPeriod period) {
        List<BudgetScope> scopes = new ArrayList<>();
        collectScopes(plan, children, scopes);
        String key = "budget:" + plan.id();
        String team = plan.scope().kind() == BudgetScope.Kind.TEAM ? plan.scope().value() : null;
        drafts.add(new Draft(key, LineKind.BUDGET, plan.name(), plan.id(), parentKey, team, plan.owner(),
                plan.currency(), plan.metric(), planFor(plan, period, children),
                c -> c.currency().equals(plan.currency()) && scopes.stream().anyMatch(s -> cells.covers(s, c))));
        children.getOrDefault(plan.id(), List.of()).stream().sorted(Comparator.comparing(BudgetPlan::name))
                .forEach(child -> addBudget(drafts, child, key, children, cells, period));
    }

    private static void collectScopes(BudgetPlan plan, Map<String, List<BudgetPlan>> children,
                                      List<BudgetScope> into) {
        into.add(plan.scope());
        children.getOrDefault(plan.id(), List.of()).forEach(c -> collectScopes(c, children, into));
    }

    /**
     * The plan of the period: the amount planned for it; a quarter adds its months' amounts; a month of a
     * quarterly budget has no plan of its own. A parent without an amount has its children's (same currency).
     */
    static BigDecimal planFor(BudgetPlan plan, ReviewPeriod period, Map<String, List<BudgetPlan>> children) {
        BigDecimal own = null;
        if (plan.granularity() == period.kind()) {
            own = plan.amountFor(period.start()).orElse(null);
        } else if (plan.granularity().months() < period.kind().months()) {
            for (LocalDate m = period.start(); m.isBefore(period.end()); m = m.plusMonths(1)) {
                BigDecimal amount = plan.amountFor(m).orElse(null);
                if (amount != null) {
                    own = own == null ? amount : own.add(amount);
                }
            }
        }
        if (own != null) {
            return own;
        }
        BigDecimal sum = null;
        for (BudgetPlan child : children.getOrDefault(plan.id(), List.of())) {
            BigDecimal childPlan = child.currency().equals(plan.currency()) ? planFor(child, period, children) : null;
            if (childPlan != null) {
                sum = sum == null ? childPlan : sum.add(childPlan);
            }
        }
        return sum;
    }

    private static void addUnbudgeted(List<Draft> drafts, LineKind kind, int keyIndex, BudgetScope.Kind scopeKind,
                                      List<BudgetPlan> plans, List<SpendCells.Cell> effective) {
        Map<String, Set<String>> currencies = new TreeMap<>();
        effective.stream().filter(c -> c.keys().get(keyIndex) != null).forEach(c -> currencies
                .computeIfAbsent(c.keys().get(keyIndex), k -> new TreeSet<>()).add(c.currency()));
        currencies.forEach((value, set) -> set.forEach(currency -> {
            boolean budgeted = plans.stream().anyMatch(p -> p.scope().kind() == scopeKind
                    && p.scope().value().equals(value) && p.currency().equals(currency));
            if (!budgeted) {
                String noun = kind == LineKind.TEAM ? "Team " : "Project ";
                drafts.add(new Draft(kind.name().toLowerCase() + ":" + value + ":" + currency, kind,
                        noun + value + " (no budget)", null, null, kind == LineKind.TEAM ? value : null, null,
                        currency, CostMetric.EFFECTIVE_COST, null,
                        c -> c.currency().equals(currency) && value.equals(c.keys().get(keyIndex))));
            }
        }));
    }

    private List<ReviewLine> forecastAll(List<Draft> drafts, SpendCells cells, ReviewPeriod period,
                                         LocalDate dataEnd) {
        List<ReviewLine> lines = new ArrayList<>();
        int horizon = (int) ChronoUnit.DAYS.between(dataEnd, period.end());
        List<double[]> histories = new ArrayList<>();
        for (Draft d : drafts) {
            histories.add(history(cells.of(d.metric()), d.counts(), period.start().minusDays(HISTORY_DAYS), dataEnd));
        }
        List<SpendForecaster.Band> bands = horizon > 0 && !drafts.isEmpty()
                ? forecaster.forecast(histories, horizon) : List.of();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            List<BigDecimal> daily = daily(cells.of(d.metric()), d.counts(), period.start(), dataEnd);
            BigDecimal actual = daily.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            SpendForecaster.Band band = bands.isEmpty() ? null : bands.get(i);
            BigDecimal p10 = band == null ? actual : actual.add(Cents.exact(Math.max(0, band.p10())));
            BigDecimal p50 = band == null ? actual : actual.add(Cents.exact(Math.max(0, band.p50())));
            BigDecimal p90 = band == null ? actual : actual.add(Cents.exact(Math.max(0, band.p90())));
            String model = band == null ? CLOSED_MODEL : band.model();
            lines.add(line(d.key(), d.kind(), d.label(), d.budgetId(), d.parentKey(), d.team(), d.owner(),
                    d.currency(), d.metric(), d.plan(), actual, p10, p50, p90, model, daily));
        }
        return lines;
    }

    static ReviewLine line(String key, LineKind kind, String label, String budgetId, String parentKey, String team,
                           String owner, String currency, CostMetric metric, BigDecimal plan, BigDecimal actual,
                           BigDecimal p10, BigDecimal p50, BigDecimal p90, String model, List<BigDecimal> daily) {
        BigDecimal variance = plan == null ? null : plan.subtract(p50);
        BigDecimal percent = plan == null || plan.signum() == 0 ? null
                : variance.multiply(BigDecimal.valueOf(100)).divide(plan, 2, RoundingMode.HALF_EVEN);
        return new ReviewLine(key, kind, label, budgetId, parentKey, team, owner, currency, metric, plan, actual,
                p10, p50, p90, variance, percent, LineStatus.of(plan, actual, p50, p90), model, daily);
    }

    private static List<SpendCells.Cell> inPeriod(List<SpendCells.Cell> cells, LocalDate from, LocalDate to) {
        return cells.stream().filter(c -> !c.day().isBefore(from) && c.day().isBefore(to)).toList();
    }

    private static LocalDate lastDayWithData(SpendCells cells, LocalDate start, LocalDate today) {
        LocalDate last = start.minusDays(1);
        for (SpendCells.Cell c : cells.of(CostMetric.EFFECTIVE_COST)) {
            if (c.day().isAfter(last) && c.day().isBefore(today)) {
                last = c.day();
            }
        }
        return last;
    }

    private static List<BigDecimal> daily(List<SpendCells.Cell> cells, Predicate<SpendCells.Cell> counts,
                                          LocalDate from, LocalDate to) {
        int days = (int) Math.max(0, ChronoUnit.DAYS.between(from, to));
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(BigDecimal.ZERO);
        }
        for (SpendCells.Cell c : cells) {
            if (!c.day().isBefore(from) && c.day().isBefore(to) && counts.test(c)) {
                int i = (int) ChronoUnit.DAYS.between(from, c.day());
                out.set(i, out.get(i).add(c.amount()));
            }
        }
        return out;
    }

    private static double[] history(List<SpendCells.Cell> cells, Predicate<SpendCells.Cell> counts, LocalDate from,
                                     LocalDate to) {
        return daily(cells, counts, from, to).stream().mapToDouble(BigDecimal::doubleValue).toArray();
    }

    static Set<String> models(List<ReviewLine> lines) {
        return lines.stream().filter(l -> l.kind() == LineKind.BUDGET).map(ReviewLine::forecastModel)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
