package dev.burnrate.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.budget.plan.BudgetScope;
import dev.burnrate.portal.budget.plan.CostMetric;
import dev.burnrate.portal.budget.plan.PlanGranularity;
import dev.burnrate.portal.finance.Cents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The review's lines from spend cells: parents roll children up without counting a row twice, unbudgeted teams and
 * uncovered spend get lines of their own, and top-level budgets + adjustment + not covered = total per currency.
 */
class ReviewCalculatorTest {

    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final ReviewPeriod PERIOD = new ReviewPeriod(PlanGranularity.MONTH, NOV);
    private static final SpendForecaster NEVER = (h, n) -> {
        throw new AssertionError("a closed period needs no forecast");
    };

    private static BudgetPlan plan(String id, BudgetScope scope, String parent, String amount) {
        TreeMap<LocalDate, BigDecimal> amounts = new TreeMap<>();
        if (amount != null) {
            amounts.put(NOV, new BigDecimal(amount));
        }
        return new BudgetPlan(id, id, "owner-" + id, scope, CostMetric.EFFECTIVE_COST, "USD", PlanGranularity.MONTH,
                parent, 0, amounts);
    }

    private final List<BudgetPlan> plans = List.of(
            plan("research", new BudgetScope(BudgetScope.Kind.TAG, "cost-center=research"), null, null),
            plan("ml-research", new BudgetScope(BudgetScope.Kind.TEAM, "ml-research"), "research", "50000"),
            plan("vision", new BudgetScope(BudgetScope.Kind.TEAM, "vision"), "research", "9500"),
            plan("inference", new BudgetScope(BudgetScope.Kind.TEAM, "inference"), null, "14000"),
            plan("gpu", new BudgetScope(BudgetScope.Kind.SERVICE, "GPU"), null, "1000"));

    /** keys: team, project, account, service, cost-center. */
    private static SpendCells.Cell cell(String team, String service, String costCenter, int day, String currency,
                                        String amount) {
        return new SpendCells.Cell(Arrays.asList(team, null, "acct", service, costCenter), NOV.plusDays(day),
                currency, new BigDecimal(amount));
    }

    private final List<SpendCells.Cell> cells = new ArrayList<>(List.of(
            cell("vision", "EC2", "research", 0, "USD", "5750.004"),
            cell("vision", "EC2", "research", 20, "USD", "5750.003"),
            cell("ml-research", "GPU", "research", 3, "USD", "3000.0051"),
            cell("inference", "EC2", "product", 3, "USD", "12000.115"),
            cell("inference", "EC2", "product", 4, "EUR", "50.10"),
            cell("platform", "S3", "shared", 5, "USD", "6000.333"),
            cell(null, "S3", null, 6, "USD", "100.336")));

    private List<ReviewLine> compute(SpendForecaster forecaster, LocalDate today) {
        SpendCells spend = new SpendCells(List.of("cost-center"), Map.of(CostMetric.EFFECTIVE_COST, cells));
        return new ReviewCalculator(forecaster).compute(PERIOD, plans, spend, today);
    }

    private static ReviewLine line(List<ReviewLine> lines, String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    @Test
    void parentsRollUpChildrenOnceAndEveryCurrencyAddsUpToItsTotalToTheCent() {
        List<ReviewLine> lines = compute(NEVER, LocalDate.of(2026, 12, 7));

        // Research = its tag's rows, which are also its children's: each row once.
        assertThat(line(lines, "budget:research").actual()).isEqualByComparingTo("14500.0121");
        assertThat(line(lines, "budget:research").plan()).isEqualByComparingTo("59500");
        assertThat(line(lines, "budget:vision").parentKey()).isEqualTo("budget:research");
        assertThat(line(lines, "budget:vision").status()).isEqualTo(LineStatus.OVER);
        assertThat(line(lines, "budget:vision").variance()).isEqualByComparingTo("-2000.007");
        assertThat(line(lines, "budget:inference").actual()).as("EUR spend is not in a USD budget")
                .isEqualByComparingTo("12000.115");
        assertThat(line(lines, "budget:inference").forecastModel()).isEqualTo(ReviewCalculator.CLOSED_MODEL);
        assertThat(line(lines, "budget:inference").p50()).isEqualByComparingTo("12000.115");
        assertThat(line(lines, "team:platform:USD").label()).isEqualTo("Team platform (no budget)");
        assertThat(line(lines, "team:inference:EUR").actual()).isEqualByComparingTo("50.10");

        // Not covered: platform's S3 and the untagged row; the GPU budget overlaps ml-research's row.
        assertThat(line(lines, "uncovered:USD").actual()).isEqualByComparingTo("6100.669");
        BigDecimal exactUsd = cells.stream().filter(c -> c.currency().equals("USD")).map(SpendCells.Cell::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(line(lines, "total:USD").actual()).isEqualByComparingTo(exactUsd);
        BigDecimal shown = lines.stream().filter(l -> l.currency().equals("USD") && (l.kind() == LineKind.OVERLAP
                        || l.kind() == LineKind.UNCOVERED || (l.isBudget() && l.parentKey() == null)))
                .map(l -> Cents.round(l.actual())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(shown).isEqualByComparingTo(Cents.round(exactUsd));
        assertThat(line(lines, "overlap:USD").actual()).isEqualByComparingTo("-3000.01");
        assertThat(line(lines, "uncovered:EUR").actual()).isEqualByComparingTo("50.10");
        assertThat(line(lines, "total:EUR").actual()).isEqualByComparingTo("50.10");
        assertThat(lines).noneMatch(l -> l.key().equals("overlap:EUR"));
        assertThat(line(lines, "budget:vision").daily()).hasSize(30);
    }

    @Test
    void anOpenPeriodAddsTheForecastOfTheDaysLeftToTheActual() {
        List<Integer> horizons = new ArrayList<>();
        SpendForecaster fixed = (histories, horizon) -> {
            horizons.add(horizon);
            return histories.stream().map(h -> new SpendForecaster.Band(100, 200, 300, "test-model")).toList();
        };
        // Data up to the 21st (day 20); today the 25th: 9 days are forecast.
        List<ReviewLine> lines = compute(fixed, LocalDate.of(2026, 11, 25));

        assertThat(horizons).containsExactly(9);
        ReviewLine inference = line(lines, "budget:inference");
        assertThat(inference.p10()).isEqualByComparingTo("12100.115");
        assertThat(inference.p50()).isEqualByComparingTo("12200.115");
        assertThat(inference.p90()).isEqualByComparingTo("12300.115");
        assertThat(inference.forecastModel()).isEqualTo("test-model");
        assertThat(inference.status()).isEqualTo(LineStatus.ON_TRACK);
        assertThat(inference.daily()).hasSize(21);
        assertThat(ReviewCalculator.models(lines)).containsExactly("test-model");
    }

    @Test
    void aQuarterAddsItsMonthsPlansAndAMonthOfAQuarterlyBudgetHasNone() {
        TreeMap<LocalDate, BigDecimal> months = new TreeMap<>(Map.of(LocalDate.of(2026, 10, 1),
                new BigDecimal("100.10"), NOV, new BigDecimal("200.20")));
        BudgetPlan monthly = new BudgetPlan("m", "m", null, new BudgetScope(BudgetScope.Kind.TEAM, "t"),
                CostMetric.EFFECTIVE_COST, "USD", PlanGranularity.MONTH, null, 0, months);
        BudgetPlan quarterly = new BudgetPlan("q", "q", null, new BudgetScope(BudgetScope.Kind.TEAM, "t"),
                CostMetric.EFFECTIVE_COST, "USD", PlanGranularity.QUARTER, null, 0,
                new TreeMap<>(Map.of(LocalDate.of(2026, 10, 1), new BigDecimal("900"))));
        ReviewPeriod q4 = new ReviewPeriod(PlanGranularity.QUARTER, LocalDate.of(2026, 10, 1));

        assertThat(ReviewCalculator.planFor(monthly, q4, Map.of())).isEqualByComparingTo("300.30");
        assertThat(ReviewCalculator.planFor(quarterly, q4, Map.of())).isEqualByComparingTo("900");
        assertThat(ReviewCalculator.planFor(quarterly, PERIOD, Map.of())).isNull();
    }
}
