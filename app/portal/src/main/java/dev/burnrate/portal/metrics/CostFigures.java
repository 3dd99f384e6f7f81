package dev.burnrate.portal.metrics;

import dev.burnrate.api.Prices;
import dev.burnrate.engine.policy.PolicyEvaluator;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.engine.policy.budget.BudgetStatus;
import dev.burnrate.portal.anomaly.AnomalyService;
import dev.burnrate.portal.anomaly.AnomalyStatus;
import dev.burnrate.portal.anomaly.StoredAnomaly;
import dev.burnrate.portal.budget.BudgetFigures;
import dev.burnrate.portal.budget.BudgetRow;
import dev.burnrate.portal.budget.BudgetService;
import dev.burnrate.portal.budget.SpendBreakdown;
import dev.burnrate.portal.budget.plan.BudgetPlan;
import dev.burnrate.portal.budget.plan.BudgetPlanService;
import dev.burnrate.portal.budget.plan.BudgetScope;
import dev.burnrate.portal.budget.plan.PlanGranularity;
import dev.burnrate.portal.metrics.CostSnapshot.Value;
import dev.burnrate.portal.user.Team;
import dev.burnrate.portal.user.UserService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Reads the cost figures for the metrics from the services the pages use, so a dashboard shows what the portal
 * shows. Called as {@code system} (every team). This month is the budget month ({@link PolicyEvaluator#budgetZone()}).
 */
@Component
class CostFigures {

    static final String TEAM_SPEND = "burnrate.team.spend.month.to.date";
    static final String TEAM_FORECAST = "burnrate.team.spend.forecast.month.end";
    static final String PLAN_AMOUNT = "burnrate.budget.plan.amount";
    static final String PLAN_SPEND = "burnrate.budget.plan.spend.month.to.date";
    static final String PLAN_FORECAST = "burnrate.budget.plan.forecast.month.end";
    static final String BUDGET_LIMIT = "burnrate.budget.limit";
    static final String BUDGET_SPEND = "burnrate.budget.spend";
    static final String BUDGET_FORECAST = "burnrate.budget.forecast";
    static final String BUDGET_UTILISATION = "burnrate.budget.utilisation.ratio";
    static final String OPEN_ANOMALIES = "burnrate.anomalies.open";
    static final List<String> NAMES = List.of(TEAM_SPEND, TEAM_FORECAST, PLAN_AMOUNT, PLAN_SPEND, PLAN_FORECAST,
            BUDGET_LIMIT, BUDGET_SPEND, BUDGET_FORECAST, BUDGET_UTILISATION, OPEN_ANOMALIES);

    private final UserService users;
    private final BudgetService budgets;
    private final BudgetPlanService plans;
    private final BudgetFigures figures;
    private final AnomalyService anomalies;
    private final PolicyEvaluator evaluator;

    CostFigures(UserService users, BudgetService budgets, BudgetPlanService plans, BudgetFigures figures,
                AnomalyService anomalies, PolicyEvaluator evaluator) {
        this.users = users;
        this.budgets = budgets;
        this.plans = plans;
        this.figures = figures;
        this.anomalies = anomalies;
        this.evaluator = evaluator;
    }

    CostSnapshot read() {
        Instant now = evaluator.clock().instant();
        BudgetPeriod.Window month = BudgetPeriod.MONTH.window(now, evaluator.budgetZone());
        Map<String, List<Value>> series = new LinkedHashMap<>();
        NAMES.forEach(name -> series.put(name, new ArrayList<>()));
        for (Team team : users.findTeams()) {
            teamFigures(team.name(), month, now, series);
        }
        LocalDate monthStart = LocalDate.ofInstant(month.start(), evaluator.budgetZone());
        for (BudgetPlan plan : plans.visible()) {
            planFigures(plan, monthStart, month, now, series);
        }
        for (BudgetRow row : budgets.status()) {
            BudgetKey key = row.check().key();
            List<String> labels = List.of("budget", key.budgetId(), "scope", key.scope().yamlName(),
                    "scope_value", key.scopeValue(), "period", key.period().yamlName(), "currency", key.currency());
            double amount = row.check().amount();
            series.get(BUDGET_LIMIT).add(new Value(labels, amount));
            series.get(BUDGET_SPEND).add(new Value(labels, row.check().status().actual()));
            series.get(BUDGET_FORECAST).add(new Value(labels, row.check().projected()));
            double utilisation = amount > 0 ? row.check().status().actual() / amount : 0;
            series.get(BUDGET_UTILISATION).add(new Value(labels, utilisation));
        }
        openAnomalies(series);
        return new CostSnapshot(now, series);
    }

    /**
     * Per currency the team spent in this month, the spend in that currency as it was billed (nothing converted),
     * and the forecast at month end: that spend plus what a budget kept in that currency projects on top of it
     * (committed requests and the forecast run rate over the days left).
     */
    private void teamFigures(String team, BudgetPeriod.Window month, Instant now, Map<String, List<Value>> series) {
        SpendBreakdown spent = figures.spend(key("team", team, month, Prices.DEFAULT_CURRENCY));
        Map<String, Double> native_ = new TreeMap<>();
        double convertedIn = spent.conversions().stream().mapToDouble(SpendBreakdown.Conversion::converted).sum();
        native_.put(Prices.DEFAULT_CURRENCY, spent.counted() - convertedIn);
        spent.conversions().forEach(c -> native_.merge(c.from(), c.original(), Double::sum));
        spent.notCounted().forEach((currency, amount) -> {
            if (currency.length() == 3) { // "(no currency)" rows cannot be labelled with one
                native_.merge(currency, amount, Double::sum);
            }
        });
        native_.forEach((currency, amount) -> {
            if (amount == 0 && !currency.equals(Prices.DEFAULT_CURRENCY)) {
                return;
            }
            List<String> labels = List.of("team", team, "currency", currency);
            BudgetKey key = key("team", team, month, currency);
            BudgetStatus status = figures.status(key);
            double ahead = status.committed() + status.runRatePerHour() * month.hoursLeft(now);
            series.get(TEAM_SPEND).add(new Value(labels, amount));
            series.get(TEAM_FORECAST).add(new Value(labels, amount + ahead));
        });
    }

    /** Monthly team budgets: this month's plan, and spend and forecast counted as that budget counts them. */
    private void planFigures(BudgetPlan plan, LocalDate monthStart, BudgetPeriod.Window month, Instant now,
                             Map<String, List<Value>> series) {
        if (plan.scope().kind() != BudgetScope.Kind.TEAM || plan.granularity() != PlanGranularity.MONTH) {
            return; // spend is attributed to teams; other scopes have no spend figure here
        }
        List<String> labels = List.of("plan", plan.id(), "team", plan.scope().value(), "currency", plan.currency());
        plan.amountFor(monthStart).ifPresent(amount ->
                series.get(PLAN_AMOUNT).add(new Value(labels, amount.doubleValue())));
        BudgetKey key = new BudgetKey(plan.id(), BudgetKey.Scope.TEAM, plan.scope().value(), BudgetPeriod.MONTH,
                month.start(), month.end(), plan.currency());
        BudgetStatus status = figures.status(key);
        series.get(PLAN_SPEND).add(new Value(labels, status.actual()));
        series.get(PLAN_FORECAST).add(new Value(labels,
                status.actual() + status.committed() + status.runRatePerHour() * month.hoursLeft(now)));
    }

    private void openAnomalies(Map<String, List<Value>> series) {
        EnumSet<AnomalyStatus> open = EnumSet.of(AnomalyStatus.NEW, AnomalyStatus.ACKNOWLEDGED);
        int count = anomalies.count(open);
        Map<String, Integer> perTeam = new TreeMap<>();
        users.findTeams().forEach(team -> perTeam.put(team.name(), 0));
        for (StoredAnomaly anomaly : anomalies.page(open, 0, Math.max(count, 1))) {
            perTeam.merge(anomaly.team() == null ? "(none)" : anomaly.team(), 1, Integer::sum);
        }
        perTeam.forEach((team, n) -> series.get(OPEN_ANOMALIES).add(new Value(List.of("team", team), n)));
    }

    private static BudgetKey key(String id, String team, BudgetPeriod.Window month, String currency) {
        return new BudgetKey("metrics-" + id.toLowerCase(Locale.ROOT), BudgetKey.Scope.TEAM, team, BudgetPeriod.MONTH,
                month.start(), month.end(), currency);
    }
}
