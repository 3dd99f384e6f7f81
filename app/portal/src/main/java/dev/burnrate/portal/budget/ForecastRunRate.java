package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.currency.ExchangeRates;
import dev.burnrate.portal.forecast.SpendForecastRepository;
import dev.burnrate.portal.forecast.StoredSpendForecast;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The projection's uncommitted part from the spend forecasts ({@code BudgetForecastJob}): the P50 of every budget
 * dataset's forecast for the account's scope over the days from the end of its data to the period's end, spread
 * over the hours left from now. A forecast in another currency counts at today's exchange rate, or not at all
 * without one. Project budgets and scopes that have no forecast yet (nothing imported, or not fitted yet) fall back
 * to the run rate of recent imported days ({@link ImportedRunRate}).
 */
@Component
@Primary
class ForecastRunRate implements SpendRunRate {

    private final SpendForecastRepository forecasts;
    private final ImportedRunRate fallback;
    private final ExchangeRateRepository rates;

    ForecastRunRate(SpendForecastRepository forecasts, ImportedRunRate fallback, ExchangeRateRepository rates) {
        this.forecasts = forecasts;
        this.fallback = fallback;
        this.rates = rates;
    }

    @Override
    public double perHour(BudgetKey key, Instant now) {
        double hoursLeft = Math.max(0, Duration.between(now, key.end()).toMillis()) / 3_600_000.0;
        List<StoredSpendForecast> stored = scope(key) == null ? List.of() : forecasts.forScope(scope(key));
        if (stored.isEmpty()) {
            return fallback.perHour(key, now);
        }
        if (hoursLeft == 0) {
            return 0;
        }
        ExchangeRates table = stored.stream().allMatch(f -> f.currency().equals(key.currency()))
                ? ExchangeRates.none() : rates.table();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        double total = 0;
        for (StoredSpendForecast f : stored) {
            Instant from = f.forecastStart().isAfter(key.start()) ? f.forecastStart() : key.start();
            double p50 = Math.max(0, f.p50(from, key.end()));
            OptionalDouble converted = table.convert(p50, f.currency(), key.currency(), today);
            if (converted.isPresent()) {
                total += converted.getAsDouble();
            }
        }
        return total / hoursLeft;
    }

    /** The stored forecast scope of a budget account; null for scopes forecasts are not fitted for (projects). */
    static String scope(BudgetKey key) {
        return switch (key.scope()) {
            case TEAM -> StoredSpendForecast.teamScope(key.scopeValue());
            case ALL -> StoredSpendForecast.ALL;
            case PROJECT -> null;
        };
    }
}
