package dev.burnrate.engine.forecast;

/**
 * Direct multi-step linear regression: for each step ahead {@code k}, least squares of {@code y[t + k]} on what is
 * known at {@code t} — the last value, the last cycle's mean, the same step one and seven cycles back, the same
 * step a week back — over the origins {@code t} of the recent history. It learns per series how much of a level
 * change persists and how the daily and weekly shapes mix, which fixed baselines cannot.
 */
final class DirectRegression {

    private DirectRegression() {
    }

    /** Steps of history the features reach back: seven primary cycles or one secondary one, plus one horizon. */
    static int reach(Seasons s, int horizon) {
        int cycles = cyclesBack(s.primary(), horizon) + 6;
        return Math.max(cycles * s.primary(), s.secondary() > 0 ? cyclesBack(s.secondary(), horizon)
                * s.secondary() : 0) + 1;
    }

    private static int cyclesBack(int period, int k) {
        return (k + period - 1) / period;
    }

    static int features(Seasons s) {
        return s.secondary() > 0 ? 6 : 5;
    }

    /**
     * Running statistics the features read, so that each (origin, step) row costs a few look-ups: {@code [0][t]} the
     * mean of the primary cycle ending at {@code t}, {@code [1][u]} the mean of the same step over the seven
     * primary cycles ending at {@code u}.
     */
    static double[][] statistics(double[] y, int n, Seasons s) {
        int m = s.primary();
        double[] level = new double[n];
        double[] sameStep = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += y[t] - (t >= m ? y[t - m] : 0.0);
            level[t] = sum / m;
        }
        for (int u = 0; u < n; u++) {
            double same = 0;
            if (u >= 7 * m) {
                same = sameStep[u - m] * 7 + y[u] - y[u - 7 * m];
            } else {
                for (int i = 0; i < 7 && u - i * m >= 0; i++) {
                    same += y[u - i * m];
                }
            }
            sameStep[u] = same / 7;
        }
        return new double[][]{level, sameStep};
    }

    /** Features of target step {@code t + k} from origin {@code t} (the last known step) into {@code x}. */
    static void features(double[] y, double[][] stats, int t, int k, Seasons s, double[] x) {
        int back = cyclesBack(s.primary(), k) * s.primary();
        x[0] = 1.0;
        x[1] = y[t];
        x[2] = stats[0][t];
        x[3] = y[t + k - back];
        x[4] = stats[1][t + k - back];
        if (s.secondary() > 0) {
            x[5] = y[t + k - cyclesBack(s.secondary(), k) * s.secondary()];
        }
    }

    static boolean enough(int n, Seasons s, int horizon, int window) {
        // at least 16 rows per coefficient for the farthest step
        return s.seasonal() && n >= reach(s, horizon) + horizon + 16 * features(s);
    }

    /**
     * Running sums of every step's normal equations over the origins of a whole series, so that each validation
     * cut's regression is one subtraction per step ahead and a small solve. Cut {@code n} learns from the origins
     * {@code [max(reach, n - window - horizon) - 1, n - k)} of step {@code k}, as a direct fit on {@code y[0..n)}
     * would: the features of an origin only read steps up to it.
     */
    static final class Prefix {

        private final double[] y;
        private final Seasons seasons;
        private final int horizon;
        private final int p;
        private final int width;
        private final int first;
        private final int span;
        private final double[][] stats;
        private final double[] sums;

        /** @param shortest the shortest cut that will be forecast from (origins before its window are not summed) */
        Prefix(double[] y, int shortest, Seasons seasons, int horizon, int window) {
            this.y = y;
            this.seasons = seasons;
            this.horizon = horizon;
            this.p = features(seasons);
            int triangle = p * (p + 1) / 2;
            this.width = triangle + p;
            int n = y.length;
            this.first = Math.max(reach(seasons, horizon), shortest - window - horizon) - 1;
            this.span = Math.max(0, n + 1 - first);
            this.stats = statistics(y, n, seasons);
            this.sums = new double[horizon * span * width];
            double[] x = new double[p];
            for (int k = 1; k <= horizon; k++) {
                int base = (k - 1) * span * width;
                for (int t = first; t < n; t++) {
                    int from = base + (t - first) * width;
                    int to = from + width;
                    if (t + k >= n) {
                        System.arraycopy(sums, from, sums, to, width);
                        continue;
                    }
                    features(y, stats, t, k, seasons, x);
                    double target = y[t + k];
                    int e = 0;
                    for (int a = 0; a < p; a++) {
                        for (int b = 0; b <= a; b++, e++) {
                            sums[to + e] = sums[from + e] + x[a] * x[b];
                        }
                    }
                    for (int a = 0; a < p; a++, e++) {
                        sums[to + e] = sums[from + e] + x[a] * target;
                    }
                }
            }
        }

        /** Forecasts {@code out.length <= horizon} steps from the first {@code n} steps. */
        void forecast(int n, int window, double[] out) {
            int firstOrigin = Math.max(reach(seasons, horizon), n - window - horizon) - 1;
            double[] x = new double[p];
            double[] xtx = new double[p * p];
            double[] xty = new double[p];
            for (int k = 1; k <= out.length; k++) {
                int base = (k - 1) * span * width;
                int upper = base + (n - k - first) * width;
                int lower = base + (firstOrigin - first) * width;
                int rows = n - k - firstOrigin;
                int e = 0;
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b <= a; b++, e++) {
                        double v = sums[upper + e] - sums[lower + e];
                        xtx[a * p + b] = v;
                        xtx[b * p + a] = v;
                    }
                }
                for (int a = 0; a < p; a++, e++) {
                    xty[a] = sums[upper + e] - sums[lower + e];
                }
                for (int a = 0; a < p; a++) {
                    xtx[a * p + a] = xtx[a * p + a] * (1 + 1e-10) + 1e-12 * Math.max(rows, 1);
                }
                double[] beta = Cholesky.solve(xtx, xty, p);
                features(y, stats, n - 1, k, seasons, x);
                double f = 0;
                for (int a = 0; a < p; a++) {
                    f += beta[a] * x[a];
                }
                out[k - 1] = f;
            }
        }
    }
}
