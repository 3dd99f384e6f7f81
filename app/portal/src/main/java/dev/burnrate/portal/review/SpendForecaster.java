package dev.burnrate.portal.review;

import java.util.List;

/** Forecasts daily spend series to a period's end, for the open periods of reviews. */
interface SpendForecaster {

    /**
     * The sums over the next {@code horizon} days of each series' P10, P50 and P90 forecast, and the model used.
     * The band of a sum is taken as the sum of the daily bands: a conservative (wide) band, as days are not
     * independent.
     */
    record Band(double p10, double p50, double p90, String model) {
    }

    List<Band> forecast(List<double[]> dailyHistory, int horizon);
}
