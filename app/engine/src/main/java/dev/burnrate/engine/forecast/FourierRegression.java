package dev.burnrate.engine.forecast;

import java.util.stream.IntStream;

/**
 * Least-squares regression of the last {@code window} steps on an intercept, an optional linear trend and Fourier
 * terms of each seasonal cycle (harmonics of the second cycle that coincide with the first's are left out), solved
 * by the normal equations with a tiny ridge so that collinear terms cannot break the solve.
 */
final class FourierRegression {

    private FourierRegression() {
    }

    /** The regressors of step {@code t} (relative to the window start) into {@code row}; returns their count. */
    static int regressors(int t, int window, boolean trend, Seasons seasons, int harmonics1, int harmonics2,
                          double[] row) {
        int c = 0;
        row[c++] = 1.0;
        if (trend) {
            row[c++] = t / (double) window;
        }
        double[] wave = waves(seasons.primary());
        int phase = t % seasons.primary();
        for (int k = 1; k <= harmonics1; k++) {
            int index = (int) ((long) k * phase % seasons.primary());
            row[c++] = wave[2 * index];
            row[c++] = wave[2 * index + 1];
        }
        if (harmonics2 > 0) {
            int ratio = seasons.secondary() / seasons.primary();
            wave = waves(seasons.secondary());
            phase = t % seasons.secondary();
            for (int k = 1; k <= harmonics2; k++) {
                if (k % ratio == 0) {
                    continue;
                }
                int index = (int) ((long) k * phase % seasons.secondary());
                row[c++] = wave[2 * index];
                row[c++] = wave[2 * index + 1];
            }
        }
        return c;
    }

    private static final java.util.Map<Integer, double[]> WAVES = new java.util.concurrent.ConcurrentHashMap<>();

    /** sin and cos of {@code 2 pi i / period} for every {@code i}: harmonic k at phase t is entry {@code k t mod period}. */
    private static double[] waves(int period) {
        return WAVES.computeIfAbsent(period, p -> {
            double[] wave = new double[2 * p];
            for (int i = 0; i < p; i++) {
                wave[2 * i] = Math.sin(2 * Math.PI * i / p);
                wave[2 * i + 1] = Math.cos(2 * Math.PI * i / p);
            }
            return wave;
        });
    }

    /**
     * Running sums of the normal equations over a whole series ({@code X'X} lower triangle and {@code X'y} after
     * every step), so that the least squares of any window costs one subtraction and one small solve: a series is
     * validated at several origins and each reuses the same rows. The trend regressor is the step over the series
     * length, the same column space as a trend counted from the window start (the intercept absorbs the offset).
     */
    static final class Prefix {

        private final Seasons seasons;
        private final int harmonics1;
        private final int harmonics2;
        private final int length;
        private final int from;
        private final int p;
        private final int triangle;
        private final double[] xtx;
        private final double[] xty;

        /** @param from the earliest step any window will start at (rows before it are never summed) */
        Prefix(double[] y, int from, Seasons seasons, int harmonics1, int harmonics2) {
            this.seasons = seasons;
            this.harmonics1 = harmonics1;
            this.harmonics2 = seasons.secondary() > 0 ? harmonics2 : 0;
            this.length = y.length;
            this.from = from;
            double[] row = new double[2 + 2 * harmonics1 + 2 * this.harmonics2];
            this.p = row(0, row);
            this.triangle = p * (p + 1) / 2;
            this.xtx = new double[(length - from + 1) * triangle];
            this.xty = new double[(length - from + 1) * p];
            for (int t = from; t < length; t++) {
                row(t, row);
                int i = t - from;
                int e = 0;
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b <= a; b++, e++) {
                        xtx[(i + 1) * triangle + e] = xtx[i * triangle + e] + row[a] * row[b];
                    }
                    xty[(i + 1) * p + a] = xty[i * p + a] + row[a] * y[t];
                }
            }
        }

        private int row(int t, double[] row) {
            int c = regressors(t, 1, true, seasons, harmonics1, harmonics2, row);
            row[1] = t / (double) length;
            return c;
        }

        /** Fits steps {@code [end - window, end)} (with or without the trend) and forecasts from {@code end}. */
        void forecast(int end, int window, boolean trend, double[] out) {
            int start = end - window;
            int[] columns = IntStream.range(0, p).filter(c -> trend || c != 1).toArray();
            int q = columns.length;
            double[] a = new double[q * q];
            double[] b = new double[q];
            for (int i = 0; i < q; i++) {
                int ci = columns[i];
                b[i] = xty[(end - from) * p + ci] - xty[(start - from) * p + ci];
                for (int j = 0; j <= i; j++) {
                    int cj = columns[j];
                    int e = ci * (ci + 1) / 2 + cj;
                    double v = xtx[(end - from) * triangle + e] - xtx[(start - from) * triangle + e];
                    a[i * q + j] = v;
                    a[j * q + i] = v;
                }
                a[i * q + i] = a[i * q + i] * (1 + 1e-10) + 1e-12 * window;
            }
            double[] beta = Cholesky.solve(a, b, q);
            double[] row = new double[p];
            for (int k = 0; k < out.length; k++) {
                row(end + k, row);
                double f = 0;
                for (int i = 0; i < q; i++) {
                    f += beta[i] * row[columns[i]];
                }
                out[k] = f;
            }
        }
    }
}
