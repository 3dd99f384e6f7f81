package dev.burnrate.engine.forecast;

/**
 * The forecast of one series: {@code horizon} steps of point forecast (also the P50), P10/P90 and the 95%
 * interval, with the model that produced it.
 */
public record SeriesForecast(double[] point, double[] p10, double[] p90, double[] lower95, double[] upper95,
                             ModelRecord model) {

    public int horizon() {
        return point.length;
    }
}
