package dev.burnrate.engine.forecast;

/** Turns a point forecast (in a series' units) and its spread per step into a {@link SeriesForecast}. */
final class Bands {

    private Bands() {
    }

    /**
     * @param point      point forecast in units of {@code unit}
     * @param spread     the spread at step 0 in the series' own units (before the step profile)
     * @param nonNegative clip bounds at zero (a series that never went negative)
     */
    static SeriesForecast of(double[] point, double unit, double spread, Intervals.Calibration calibration,
                             boolean nonNegative, ModelRecord model) {
        int h = point.length;
        double[] p = new double[h], p10 = new double[h], p90 = new double[h], lo = new double[h], up = new double[h];
        for (int k = 0; k < h; k++) {
            double f = point[k] * unit;
            double s = Double.isFinite(spread) ? spread * calibration.profile(k) : 0.0;
            p[k] = nonNegative ? Math.max(0, f) : f;
            p10[k] = clip(f + calibration.q10() * s, nonNegative);
            p90[k] = clip(f + calibration.q90() * s, nonNegative);
            lo[k] = clip(f - calibration.q95() * s, nonNegative);
            up[k] = clip(f + calibration.q95() * s, nonNegative);
        }
        return new SeriesForecast(p, p10, p90, lo, up, model);
    }

    private static double clip(double v, boolean nonNegative) {
        return nonNegative ? Math.max(0, v) : v;
    }
}
