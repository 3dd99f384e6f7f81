package dev.burnrate.portal.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.engine.forecast.ModelRecord;
import dev.burnrate.portal.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stored forecast, in dataset, scope and currency order, with its days and model: on H2 and PostgreSQL. */
class SpendForecastRepositoryIT {

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    private static StoredSpendForecast forecast(String dataset, String scope, String currency, double perDay) {
        return new StoredSpendForecast(dataset, "v1", scope, currency, START, new double[] {perDay * 0.8, perDay},
                new double[] {perDay, perDay}, new double[] {perDay * 1.3, perDay * 2}, new ModelRecord("ets",
                List.of("ets(A,N,A)"), START, Double.NaN, 0, "too little history to backtest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.burnrate.portal.support.TestDatabases#both")
    void allListsEveryForecastInOrder(TestDatabase db) {
        SpendForecastRepository forecasts = new SpendForecastRepository(db.dsl());
        forecasts.replace(forecast("demo-billing", StoredSpendForecast.teamScope("vision"), "USD", 10));
        forecasts.replace(forecast("aws", StoredSpendForecast.ALL, "USD", 30));
        forecasts.replace(forecast("demo-billing", StoredSpendForecast.teamScope("search"), "EUR", 20));
        forecasts.replace(forecast("demo-billing", StoredSpendForecast.teamScope("search"), "EUR", 25));

        List<StoredSpendForecast> all = forecasts.all();

        assertThat(all).extracting(f -> f.dataset() + "/" + f.scope() + "/" + f.currency()).containsExactly(
                "aws/all/USD", "demo-billing/team:search/EUR", "demo-billing/team:vision/USD");
        StoredSpendForecast search = all.get(1);
        assertThat(search.p50()).containsExactly(25, 25);
        assertThat(search.p90()).containsExactly(32.5, 50);
        assertThat(search.forecastStart()).isEqualTo(START);
        assertThat(search.model().validationMase()).isNaN();
    }
}
