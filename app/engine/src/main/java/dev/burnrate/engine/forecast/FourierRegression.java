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
        for (int k = 1; k <= harmonics1; k++) {
            double angle = 2 * Math.PI * k * (t % seasons.primary()) / seasons.primary();
            row[c++] = Math.sin(angle);
            row[c++] = Math.cos(angle);
        }
        int ratio = seasons.secondary() / seasons.primary();
        for (int k = 1; k <= harmonics2; k++) {
            if (k % ratio == 0) {
                continue;
            }
            double angle = 2 * Math.PI * k * (t % seasons.secondary()) / seasons.secondary();
            row[c++] = Math.sin(angle);
            row[c++] = Math.cos(angle);
        }
        return c;
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
            xtx[a * p + a] += 1e-8 * window;
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
