package dev.burnrate.engine.forecast;

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

    static void forecast(double[] y, int n, int window, boolean trend, Seasons seasons, int harmonics1,
                         int harmonics2, double[] out) {
        int start = n - window;
        int h2 = seasons.secondary() > 0 ? harmonics2 : 0;
        double[] row = new double[2 + 2 * harmonics1 + 2 * h2];
        int p = regressors(0, window, trend, seasons, harmonics1, h2, row);
        double[] xtx = new double[p * p];
        double[] xty = new double[p];
        // Positions are counted from the series start so the phase of every cycle is the series' own.
        for (int t = 0; t < window; t++) {
            regressors(start + t, window, trend, seasons, harmonics1, h2, row);
            if (trend) {
                row[1] = t / (double) window;
            }
            for (int a = 0; a < p; a++) {
                xty[a] += row[a] * y[start + t];
                for (int b = 0; b <= a; b++) {
                    xtx[a * p + b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                xtx[b * p + a] = xtx[a * p + b];
            }
            xtx[a * p + a] = xtx[a * p + a] * (1 + 1e-10) + 1e-12 * window;
        }
        double[] beta = Cholesky.solve(xtx, xty, p);
        for (int k = 0; k < out.length; k++) {
            regressors(n + k, window, trend, seasons, harmonics1, h2, row);
            if (trend) {
                row[1] = (window + k) / (double) window;
            }
            double f = 0;
            for (int a = 0; a < p; a++) {
                f += beta[a] * row[a];
            }
            out[k] = f;
        }
    }
}
