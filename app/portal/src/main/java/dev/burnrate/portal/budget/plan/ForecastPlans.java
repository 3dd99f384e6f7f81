package dev.burnrate.portal.budget.plan;

import dev.burnrate.portal.finance.Cents;
import dev.burnrate.portal.forecast.SpendForecastRepository;
import dev.burnrate.portal.forecast.StoredSpendForecast;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A year's plan from the stored spend forecasts ({@code BudgetForecastJob}): per period, the P50 of every budget
 * dataset's forecast for the budget's team, plus the copy-forward's percentage. Forecasts are fitted per team and
 * reach a limited horizon, so other scopes have none, and periods past the horizon are left as they are.
 */
@Component
public class ForecastPlans {

    private final SpendForecastRepository forecasts;

    public ForecastPlans(SpendForecastRepository forecasts) {
        this.forecasts = forecasts;
    }

    CopyForward.Result plan(BudgetPlan plan, CopyForward request) {
        if (plan.scope().kind() != BudgetScope.Kind.TEAM) {
            throw PlanValidationException.of("source", "no spend forecast exists for " + plan.scope()
                    + ": forecasts are made per team; copy last year's plan instead");
        }
        List<StoredSpendForecast> all = forecasts.forScope(StoredSpendForecast.teamScope(plan.scope().value()));
        List<StoredSpendForecast> stored = all.stream().filter(f -> f.currency().equals(plan.currency())).toList();
        if (stored.isEmpty()) {
            throw PlanValidationException.of("source", "no spend forecast exists for " + plan.scope()
                    + (all.isEmpty() ? " yet (the forecast job fits one once the team has imported spend)"
                    : " in " + plan.currency() + " (only in " + all.stream().map(StoredSpendForecast::currency)
                    .distinct().toList() + ")"));
        }
        Instant reach = stored.stream().map(StoredSpendForecast::forecastEnd).min(Instant::compareTo).orElseThrow();
        Instant from = stored.stream().map(StoredSpendForecast::forecastStart).max(Instant::compareTo).orElseThrow();
        TreeMap<LocalDate, BigDecimal> amounts = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (LocalDate start = LocalDate.of(request.year(), 1, 1); start.getYear() == request.year();
             start = plan.granularity().periodEnd(start)) {
            Instant periodStart = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant periodEnd = plan.granularity().periodEnd(start).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (periodStart.isBefore(from) || periodEnd.isAfter(reach)) {
                outside.add(PlanValidator.label(start, plan.granularity()));
                continue;
            }
            BigDecimal p50 = stored.stream().map(f -> Cents.exact(Math.max(0, f.p50(periodStart, periodEnd))))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            amounts.put(start, request.apply(p50));
        }
        if (amounts.isEmpty()) {
            throw PlanValidationException.of("source", "the spend forecast of " + plan.scope() + " covers "
                    + LocalDate.ofInstant(from, ZoneOffset.UTC) + " to " + LocalDate.ofInstant(reach, ZoneOffset.UTC)
                    + ", no whole period of " + request.year());
        }
        if (!outside.isEmpty()) {
            notes.add("The forecast covers " + LocalDate.ofInstant(from, ZoneOffset.UTC) + " to "
                    + LocalDate.ofInstant(reach, ZoneOffset.UTC) + "; " + String.join(", ", outside)
                    + " keep their current plan.");
        }
        return new CopyForward.Result(amounts, notes);
    }
}
