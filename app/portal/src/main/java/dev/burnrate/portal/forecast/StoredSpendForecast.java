package dev.burnrate.portal.forecast;

import dev.burnrate.engine.forecast.ModelRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * A budget scope's daily spend forecast as stored: P10, P50 and P90 for each day from {@code forecastStart}, with
 * the model that made it.
 *
 * @param scope {@code team:<name>} or {@code all}
 */
public record StoredSpendForecast(String dataset, String versionKey, String scope, String currency,
                                  Instant forecastStart, double[] p10, double[] p50, double[] p90,
                                  ModelRecord model) {

    public static final String ALL = "all";

    public static String teamScope(String team) {
        return "team:" + team;
    }

    /** The first instant after the last forecast day. */
    public Instant forecastEnd() {
        return forecastStart.plus(Duration.ofDays(p50.length));
    }

    /** The forecast's sum of one quantile over the whole days in {@code [from, to)}. */
    public static double sum(double[] daily, Instant forecastStart, Instant from, Instant to) {
        long first = Math.max(0, Math.ceilDiv(Duration.between(forecastStart, from).toSeconds(), 86_400));
        long end = Math.min(daily.length, Math.floorDiv(Duration.between(forecastStart, to).toSeconds(), 86_400));
        double total = 0;
        for (long d = first; d < end; d++) {
            total += daily[(int) d];
        }
        return total;
    }

    public double p10(Instant from, Instant to) {
        return sum(p10, forecastStart, from, to);
    }

    public double p50(Instant from, Instant to) {
        return sum(p50, forecastStart, from, to);
    }

    public double p90(Instant from, Instant to) {
        return sum(p90, forecastStart, from, to);
    }
}
