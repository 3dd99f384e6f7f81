package dev.burnrate.portal.forecast;

import dev.burnrate.engine.forecast.ModelRecord;
import java.time.Instant;
import java.util.List;

/**
 * One group's actual spend and its forecast, for charts: the history on {@code actualTimes}, then P10, P50 and P90
 * (and the 95% interval) on {@code forecastTimes}, with the model that made it and why.
 */
public record GroupForecast(String label, List<Instant> actualTimes, double[] actual, List<Instant> forecastTimes,
                            double[] p10, double[] p50, double[] p90, double[] lower95, double[] upper95,
                            ModelRecord model) {

    public GroupForecast {
        actualTimes = List.copyOf(actualTimes);
        forecastTimes = List.copyOf(forecastTimes);
    }

    /** The forecast's total over its horizon (P50). */
    public double forecastTotal() {
        double sum = 0;
        for (double v : p50) {
            sum += v;
        }
        return sum;
    }
}
