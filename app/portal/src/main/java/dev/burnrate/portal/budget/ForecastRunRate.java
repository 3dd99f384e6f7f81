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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        Optional<ForecastBand> band = band(key, now);
        if (band.isEmpty()) {
            return fallback.perHour(key, now);
        }
        return hoursLeft == 0 ? 0 : band.get().p50() / hoursLeft;
    }

    @Override
    public double p90Margin(BudgetKey key, Instant now) {
        return band(key, now).map(b -> Math.max(0, b.p90() - b.p50())).orElse(0.0);
    }

    /** The forecast's P10, P50 and P90 to the period's end; empty when the account's scope has no forecast. */
    Optional<ForecastBand> band(BudgetKey key, Instant now) {
        List<StoredSpendForecast> stored = scope(key) == null ? List.of() : forecasts.forScope(scope(key));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ExchangeRates table = stored.stream().allMatch(f -> f.currency().equals(key.currency()))
                ? ExchangeRates.none() : rates.table();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        double[] sums = new double[3];
        List<String> models = new ArrayList<>();
        for (StoredSpendForecast f : stored) {
            Instant from = f.forecastStart().isAfter(key.start()) ? f.forecastStart() : key.start();
            double[] quantiles = {f.p10(from, key.end()), f.p50(from, key.end()), f.p90(from, key.end())};
            for (int q = 0; q < 3; q++) {
                OptionalDouble converted = table.convert(Math.max(0, quantiles[q]), f.currency(), key.currency(),
                        today);
                if (converted.isEmpty()) {
                    break;
                }
                sums[q] += converted.getAsDouble();
            }
            models.add(f.dataset() + " " + f.currency() + ": " + f.model().family()
                    + (Double.isNaN(f.model().validationMase()) ? "" : String.format(Locale.ROOT,
                    ", backtest MASE %.2f", f.model().validationMase())) + " (" + f.model().reason() + ")");
        }
        return Optional.of(new ForecastBand(sums[0], sums[1], sums[2], models));
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
