package dev.burnrate.engine.simulation;

import java.util.Arrays;

/**
 * Summary of a simulated quantity. Percentiles use the nearest-rank method: P90 is the smallest value at or above
 * which 10% of the scenarios lie.
 */
public record Distribution(double mean, double p50, double p90, double p99, double min, double max, int count) {

    public static Distribution of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new Distribution(sum / sorted.length, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** A quantity that is not random (on-demand, committed, inference totals). */
    public static Distribution constant(double value) {
        return new Distribution(value, value, value, value, value, value, 1);
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public boolean isConstant() {
        return min == max;
    }
}
