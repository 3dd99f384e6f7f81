package dev.burnrate.portal.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burnrate.engine.forecast.ModelRecord;
import dev.burnrate.engine.policy.budget.BudgetKey;
import dev.burnrate.engine.policy.budget.BudgetPeriod;
import dev.burnrate.portal.currency.ExchangeRate;
import dev.burnrate.portal.currency.ExchangeRateRepository;
import dev.burnrate.portal.forecast.SpendForecastRepository;
import dev.burnrate.portal.forecast.StoredSpendForecast;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A budget's projection continues imported spend with its stored forecast: the P50 of the days from the end of the
 * data to the period's end, over the hours left, converted at the day's rate from another currency; a newer fit
 * replaces the older one. On H2 and PostgreSQL.
 */
class ForecastRunRateIT {

    private static final Instant DATA_END = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final BudgetKey KEY = new BudgetKey("research", BudgetKey.Scope.TEAM, "ml-research",
            BudgetPeriod.MONTH, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), "USD");

    private static StoredSpendForecast forecast(String dataset, String currency, double perDay) {
        double[] p50 = new double[42];
        Arrays.fill(p50, perDay);
        double[] p10 = Arrays.stream(p50).map(v -> v * 0.8).toArray();
        double[] p90 = Arrays.stream(p50).map(v -> v * 1.3).toArray();
        return new StoredSpendForecast(dataset, "v1", StoredSpendForecast.teamScope("ml-research"), currency,
                DATA_END, p10, p50, p90, new ModelRecord("combination", List.of("seasonal-naive(7)"), NOW, 0.91, 4,
                "best of 3 by backtest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void theProjectionContinuesImportedSpendWithTheStoredForecast(TestDatabase db) {
        SpendForecastRepository forecasts = new SpendForecastRepository(db.dsl());
        ExchangeRateRepository rates = new ExchangeRateRepository(db.dsl());
        forecasts.replace(forecast("aws", "USD", 1_000));
        forecasts.replace(forecast("aws", "USD", 1_200));
        ForecastRunRate runRate = new ForecastRunRate(forecasts, null, rates);

        // 11 forecast days (Nov 20 .. 30) of 1,200 over the 216 hours from now to the period's end; P90 is 1.3x.
        assertThat(runRate.perHour(KEY, NOW)).isCloseTo(11 * 1_200 / 216.0, within(1e-9));
        assertThat(runRate.p90Margin(KEY, NOW)).isCloseTo(11 * 360.0, within(1e-6));
        assertThat(forecasts.find("aws", StoredSpendForecast.teamScope("ml-research"), "USD").orElseThrow())
                .satisfies(f -> {
                    assertThat(f.p90(DATA_END, KEY.end())).isCloseTo(11 * 1_560.0, within(1e-6));
                    assertThat(f.model().validationMase()).isEqualTo(0.91);
                    assertThat(f.model().components()).containsExactly("seasonal-naive(7)");
                });

        forecasts.replace(forecast("azure", "EUR", 500));
        assertThat(runRate.perHour(KEY, NOW)).as("no EUR rate: the EUR forecast is left out")
                .isCloseTo(11 * 1_200 / 216.0, within(1e-9));
        rates.put(new ExchangeRate("EUR", "USD", LocalDate.of(2026, 11, 21), 1.1), "finance", NOW);
        assertThat(runRate.perHour(KEY, NOW)).isCloseTo(11 * (1_200 + 550) / 216.0, within(1e-9));

        assertThat(forecasts.keepOnly(List.of("aws"))).isEqualTo(1);
        assertThat(runRate.perHour(KEY, NOW)).isCloseTo(11 * 1_200 / 216.0, within(1e-9));
    }
}
