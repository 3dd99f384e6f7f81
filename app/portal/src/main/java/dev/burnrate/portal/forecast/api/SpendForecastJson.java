package dev.burnrate.portal.forecast.api;

import dev.burnrate.engine.forecast.ModelRecord;
import dev.burnrate.portal.forecast.StoredSpendForecast;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored daily spend forecast of one dataset, budget scope and currency, as budgets use it.
 *
 * @param scope   {@code team:<name>} or {@code all}
 * @param team    the team of a team scope, null for {@code all}
 * @param version the dataset version it was fitted on
 * @param days    one entry per UTC day from the forecast's start: the P10, P50 and P90 of the day's spend
 */
@Schema(name = "SpendForecast")
public record SpendForecastJson(String dataset, String version, String scope, String team, String currency,
                                Instant forecastStart, List<Day> days, Model model) {

    @Schema(name = "SpendForecastDay")
    public record Day(LocalDate date, BigDecimal p10, BigDecimal p50, BigDecimal p90) {
    }

    /**
     * @param validationMase the mean absolute scaled error of rolling-origin validation (null when not validated)
     */
    @Schema(name = "SpendForecastModel")
    public record Model(String family, List<String> components, Instant fittedAt, Double validationMase,
                        int validationOrigins, String reason) {
    }

    static SpendForecastJson of(StoredSpendForecast f) {
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < f.p50().length; d++) {
            days.add(new Day(LocalDate.ofInstant(f.forecastStart().plus(Duration.ofDays(d)), ZoneOffset.UTC),
                    decimal(f.p10()[d]), decimal(f.p50()[d]), decimal(f.p90()[d])));
        }
        ModelRecord m = f.model();
        String team = f.scope().startsWith("team:") ? f.scope().substring("team:".length()) : null;
        return new SpendForecastJson(f.dataset(), f.versionKey(), f.scope(), team, f.currency(), f.forecastStart(),
                days, new Model(m.family(), m.components(), m.fittedAt(),
                Double.isNaN(m.validationMase()) ? null : m.validationMase(), m.validationOrigins(), m.reason()));
    }

    private static BigDecimal decimal(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }
}
