package dev.burnrate.engine.forecast;

import java.util.Arrays;

/**
 * Prediction intervals from out-of-sample errors. Each series' spread is the root mean square of its combination's
 * scaled validation errors; a shared step profile says how the spread grows with the step; multipliers for the 95%
 * interval and the P10/P90 are empirical quantiles of errors divided by the spread of the older origins only
 * (forward chaining: the way the spread is used on the future), pooled over the block's series, so coverage is
 * calibrated out of sample.
 */
final class Intervals {

    /** Used when no series in the block has two validation origins to calibrate with. */
    static final Calibration FALLBACK = new Calibration(null, 2.5, -1.4, 1.4);

    /** Step profile (relative spread per step, null = flat) and the multipliers. */
    record Calibration(double[] profile, double q95, double q10, double q90) {

        double profile(int k) {
            return profile == null ? 1.0 : profile[k];
        }
    }

    private Intervals() {
    }

    /** Root mean square of the scaled errors {@code [origin][step]}, leaving out origin {@code skip} (-1: none). */
    static double spread(double[][] errors, int skip, double[] profile) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < errors.length; j++) {
            if (j == skip) {
                continue;
            }
            for (int k = 0; k < errors[j].length; k++) {
                double e = errors[j][k] / (profile == null ? 1.0 : profile[k]);
                sum += e * e;
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }

    static Calibration calibrate(double[][][] errors, int horizon) {
        double[] profile = new double[horizon];
        int[] counts = new int[horizon];
        for (double[][] series : errors) {
            double spread = spread(series, -1, null);
            if (!(spread > 0)) {
                continue;
            }
            for (double[] origin : series) {
                for (int k = 0; k < horizon; k++) {
                    profile[k] += (origin[k] / spread) * (origin[k] / spread);
                    counts[k]++;
                }
            }
        }
        for (int k = 0; k < horizon; k++) {
            profile[k] = counts[k] == 0 ? 1.0 : Math.sqrt(profile[k] / counts[k]);
        }
        // Forward chaining, as the spread is used: errors at each origin over the spread of the older origins only.
        int total = 0;
        for (double[][] series : errors) {
            total += Math.max(0, series.length - 1) * horizon;
        }
        if (total < 100) {
            return FALLBACK;
        }
        double[] z = new double[total];
        int i = 0;
        for (double[][] series : errors) {
            for (int j = 0; j + 1 < series.length; j++) {
                double spread = spread(Arrays.copyOfRange(series, j + 1, series.length), -1, profile);
                for (int k = 0; k < horizon; k++) {
                    z[i++] = spread > 0 ? series[j][k] / (spread * profile[k]) : 0.0;
                }
            }
        }
        double[] abs = new double[total];
        for (int k = 0; k < total; k++) {
            abs[k] = Math.abs(z[k]);
        }
        Arrays.sort(z);
        Arrays.sort(abs);
        return new Calibration(profile, quantile(abs, 0.95), quantile(z, 0.10), quantile(z, 0.90));
    }

    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
