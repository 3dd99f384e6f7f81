package dev.burnrate.engine.simulation;

/**
 * Equal-width bins between the smallest and the largest value: {@code edges} has one more element than
 * {@code counts}. A constant quantity has one bin.
 */
public record Histogram(double[] edges, long[] counts) {

    public static Histogram of(double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        if (values.length == 0 || min == max) {
            double at = values.length == 0 ? 0 : min;
            return new Histogram(new double[]{at, at}, new long[]{values.length});
        }
        double width = (max - min) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + i * width;
        }
        long[] counts = new long[bins];
        for (double value : values) {
            counts[Math.min(bins - 1, (int) ((value - min) / width))]++;
        }
        return new Histogram(edges, counts);
    }
}
