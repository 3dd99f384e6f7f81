package dev.burnrate.engine.forecast;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Forecasts for series that cannot be validated: no observations, all zeros, a constant, or a history shorter
 * than two primary cycles plus one horizon. Each gets the simplest honest model and says why.
 */
final class SimpleForecasts {

    private SimpleForecasts() {
    }

    /** Steps a series needs before the horizon held out for validation: two primary cycles, at least 2. */
    static int minimumHistory(Seasons seasons) {
        return Math.max(2, 2 * seasons.primary());
    }

    /** Why the series gets a simpler model, or null when it can be validated. */
    static String reasonForSimpler(PreparedSeries p, Seasons seasons, int horizon) {
        int n = p.length();
        if (n == 0) {
            return "no observations: forecast 0";
        }
        if (p.constant() && p.y()[0] == 0) {
            return "all " + n + " observations are zero: forecast 0";
        }
        if (p.constant()) {
            return "all " + n + " observations are equal: forecast that value";
        }
        int needed = minimumHistory(seasons) + horizon;
        if (n < needed) {
            return String.format(Locale.ROOT, "%d observations, fewer than the %d needed to validate models "
                    + "(two cycles of %d plus one horizon of %d): ", n, needed, seasons.primary(), horizon)
                    + (seasons.seasonal() && n >= seasons.primary() ? "seasonal naive" : "median of the last values");
        }
        return null;
    }

    static SeriesForecast forecast(PreparedSeries p, Seasons seasons, int horizon, String reason, Instant fittedAt) {
        int n = p.length();
        double[] point = new double[horizon];
        double spread = 0;
        boolean cyclic = seasons.seasonal() && n >= seasons.primary();
        String family;
        if (n == 0) {
            family = "zeros";
        } else if (p.constant()) {
            family = p.y()[0] == 0 ? "zeros" : "constant";
            Arrays.fill(point, p.y()[0]);
        } else if (cyclic) {
            family = "seasonal-naive";
            Baselines.seasonalNaive(p.y(), n, seasons.primary(), point);
            spread = differenceSpread(p.y(), seasons.primary());
        } else {
            family = "median";
            Arrays.fill(point, Baselines.median(Arrays.copyOfRange(p.y(), Math.max(0, n - 7), n)));
            spread = n > 1 ? differenceSpread(p.y(), 1) : Math.abs(p.y()[0]) / 2;
        }
        if (spread == 0 && !p.constant() && n > 0) {
            spread = Math.abs(point[0]) / 2;
        }
        double[] profile = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            // errors of a naive forecast grow like a random walk's: with each cycle (seasonal) or step ahead
            profile[k] = Math.sqrt(cyclic ? 1 + k / seasons.primary() : 1 + k);
        }
        Intervals.Calibration normal = new Intervals.Calibration(profile, 1.96, -1.2816, 1.2816);
        ModelRecord model = new ModelRecord(family, List.of(family), fittedAt, Double.NaN, 0, reason);
        return Bands.of(point, p.unit(), spread * p.unit(), normal, Selection.nonNegative(p), model);
    }

    /** Root mean square of the lag-{@code lag} differences. */
    private static double differenceSpread(double[] y, int lag) {
        double sum = 0;
        int count = 0;
        for (int t = lag; t < y.length; t++) {
            sum += (y[t] - y[t - lag]) * (y[t] - y[t - lag]);
            count++;
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }
}
