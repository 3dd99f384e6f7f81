package dev.burnrate.engine.forecast;

import java.util.Arrays;

/**
 * Robust seasonal baselines on a clean series {@code y[0..n)}: seasonal naive and the mean or median of the last
 * {@code k} cycles, optionally shifted to the level of the last primary cycle. Strong on hourly usage data, where
 * the shape of a day or a week repeats and the level moves slowly.
 */
final class Baselines {

    private Baselines() {
    }

    /** The last cycle of {@code period} steps repeated (period 1: the last value). */
    static void seasonalNaive(double[] y, int n, int period, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = y[n - period + (k % period)];
        }
    }

    /**
     * The mean or median of the last {@code cycles} cycles of {@code period} steps, step by step, repeated; with
     * {@code levelPeriod > 0}, shifted by the mean gap between the last {@code levelPeriod} observations and the
     * profile at the same positions (how far the level has moved since the older cycles).
     */
    static void profile(double[] y, int n, int period, int cycles, boolean median, int levelPeriod,
                        double[] out) {
        double[] profile = new double[period];
        double[] sample = new double[cycles];
        for (int j = 0; j < period; j++) {
            for (int i = 0; i < cycles; i++) {
                sample[i] = y[n - (i + 1) * period + j];
            }
            profile[j] = median ? median(sample) : mean(sample);
        }
        double shift = 0;
        if (levelPeriod > 0) {
            for (int i = 0; i < levelPeriod; i++) {
                shift += y[n - levelPeriod + i] - profile[period - levelPeriod + i];
            }
            shift /= levelPeriod;
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = profile[k % period] + shift;
        }
    }

    /**
     * The cycle length near {@code period} (within an eighth of it) that best repeats over the last seven cycles:
     * the lag with the smallest mean absolute difference {@code |y[t] - y[t - lag]|}. Some "hourly" series
     * repeat every 23 or 25 steps; seasonal naive at the wrong lag drifts by a step each cycle.
     */
    static int fittedPeriod(double[] y, int n, int period) {
        int spread = Math.max(1, period / 8);
        int best = period;
        double bestError = Double.POSITIVE_INFINITY;
        for (int lag = Math.max(2, period - spread); lag <= period + spread; lag++) {
            int window = Math.min(n - (period + spread), 7 * period);
            if (window < period) {
                return period;
            }
            double error = 0;
            for (int t = n - window; t < n; t++) {
                error += Math.abs(y[t] - y[t - lag]);
            }
            // ties go to the nominal period, then to the shorter lag
            if (error < bestError - 1e-12 * Math.abs(bestError) || (lag == period && error <= bestError)) {
                bestError = error;
                best = lag;
            }
        }
        return best;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
