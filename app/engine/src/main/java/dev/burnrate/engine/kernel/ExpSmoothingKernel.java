package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

import static dev.burnrate.engine.kernel.KernelArgs.require;

/**
 * The reference exponential smoothing kernels ({@link KernelNames#EXP_SMOOTHING_GRID} and
 * {@link KernelNames#EXP_SMOOTHING_FORECAST}): additive error, damped additive trend, one or two additive seasonal
 * cycles, in error-correction form. One series and one parameter set per item; steps in order.
 */
public final class ExpSmoothingKernel {

    /** Parameters per grid point or per series: alpha, beta, phi, gamma, delta. */
    public static final int PARAMS = 5;

    private ExpSmoothingKernel() {
    }

    /** The arguments both kernels share. */
    public record Series(int length, int period, int period2, DoubleBuffer values, IntBuffer lengths, int count) {

        static Series from(KernelLaunch launch, int count) throws KernelException {
            int length = KernelArgs.intAtLeast(launch, "length", 1);
            int period = KernelArgs.intAtLeast(launch, "period", 1);
            int period2 = KernelArgs.intAtLeast(launch, "period2", 0);
            require(period2 == 0 || (period2 > period && period2 % period == 0), launch,
                    "scalar 'period2' must be 0 or a multiple of 'period' (" + period + ") but is " + period2);
            IntBuffer lengths = KernelArgs.input(launch, "lengths", IntBuffer.class, count);
            for (int s = 0; s < count; s++) {
                int n = lengths.get(s);
                require(n >= 0 && n <= length, launch, "lengths[" + s + "] must be in [0, " + length + "] but is " + n);
            }
            return new Series(length, period, period2,
                    KernelArgs.input(launch, "values", DoubleBuffer.class, (long) count * length), lengths, count);
        }

        /** Seasonal state slots: one per step of each cycle. */
        public int slots() {
            return period + period2;
        }
    }

    /** A checked grid launch. */
    public record GridArgs(Series series, int gridPoints, int warmup, DoubleBuffer grid, DoubleBuffer mse) {

        public static GridArgs from(KernelLaunch launch) throws KernelException {
            int gridPoints = KernelArgs.intAtLeast(launch, "gridPoints", 1);
            require(launch.size() % gridPoints == 0, launch, "size must be series * gridPoints but "
                    + launch.size() + " is not a multiple of " + gridPoints);
            Series series = Series.from(launch, launch.size() / gridPoints);
            DoubleBuffer grid = KernelArgs.input(launch, "grid", DoubleBuffer.class, (long) gridPoints * PARAMS);
            checkParams(launch, grid, gridPoints, "grid");
            return new GridArgs(series, gridPoints, KernelArgs.intAtLeast(launch, "warmup", 0), grid,
                    KernelArgs.output(launch, "mse", DoubleBuffer.class, launch.size()));
        }
    }

    /** A checked forecast launch. */
    public record ForecastArgs(Series series, int horizon, DoubleBuffer params, DoubleBuffer forecast) {

        public static ForecastArgs from(KernelLaunch launch) throws KernelException {
            Series series = Series.from(launch, launch.size());
            int horizon = KernelArgs.intAtLeast(launch, "horizon", 1);
            DoubleBuffer params = KernelArgs.input(launch, "params", DoubleBuffer.class, (long) launch.size() * PARAMS);
            checkParams(launch, params, launch.size(), "params");
            return new ForecastArgs(series, horizon, params,
                    KernelArgs.output(launch, "forecast", DoubleBuffer.class, (long) launch.size() * horizon));
        }
    }

    private static void checkParams(KernelLaunch launch, DoubleBuffer p, int rows, String name) throws KernelException {
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < PARAMS; k++) {
                double v = p.get(r * PARAMS + k);
                require(v >= 0 && v <= 1, launch, name + "[" + r + "][" + k + "] must be in [0, 1] but is " + v);
            }
        }
    }

    public static BoundKernel bindGrid(KernelLaunch launch) throws KernelException {
        GridArgs args = GridArgs.from(launch);
        return new BoundKernel() {
            public int items() {
                return launch.size();
            }

            public void run(int from, int to) {
                double[] seasons = new double[args.series().slots()];
                for (int i = from; i < to; i++) {
                    args.mse().put(i, mse(args, i / args.gridPoints(), i % args.gridPoints(), seasons));
                }
            }
        };
    }

    public static BoundKernel bindForecast(KernelLaunch launch) throws KernelException {
        ForecastArgs args = ForecastArgs.from(launch);
        return new BoundKernel() {
            public int items() {
                return launch.size();
            }

            public void run(int from, int to) {
                double[] seasons = new double[args.series().slots()];
                for (int s = from; s < to; s++) {
                    forecast(args, s, seasons);
                }
            }
        };
    }

    /** Initial state: level = mean of the first cycle's observed values, seasons = deviations from it. */
    public static double initialise(Series a, int s, double[] seasons) {
        int base = s * a.length();
        int n = a.lengths().get(s);
        int first = Math.min(a.period(), n);
        double sum = 0;
        int count = 0;
        for (int t = 0; t < first; t++) {
            double y = a.values().get(base + t);
            if (!Double.isNaN(y)) {
                sum = sum + y;
                count++;
            }
        }
        double level = count == 0 ? 0.0 : sum / count;
        for (int j = 0; j < seasons.length; j++) {
            seasons[j] = 0.0;
        }
        for (int t = 0; t < first; t++) {
            double y = a.values().get(base + t);
            seasons[t] = Double.isNaN(y) ? 0.0 : y - level;
        }
        return level;
    }

    /** The mean squared one-step error of series {@code s} under grid point {@code g}. */
    public static double mse(GridArgs g, int s, int point, double[] seasons) {
        Series a = g.series();
        int p = point * PARAMS;
        double alpha = g.grid().get(p), beta = g.grid().get(p + 1), phi = g.grid().get(p + 2);
        double gamma = g.grid().get(p + 3), delta = g.grid().get(p + 4);
        int base = s * a.length();
        int n = a.lengths().get(s);
        double level = initialise(a, s, seasons);
        double trend = 0.0;
        double sse = 0.0;
        int scored = 0;
        int j1 = 0;
        int j2 = a.period();
        for (int t = 0; t < n; t++) {
            double y = a.values().get(base + t);
            double damped = phi * trend;
            double f = level + damped + seasons[j1] + (a.period2() > 0 ? seasons[j2] : 0.0);
            double e = Double.isNaN(y) ? 0.0 : y - f;
            if (t >= g.warmup() && !Double.isNaN(y)) {
                sse = sse + e * e;
                scored++;
            }
            level = level + damped + alpha * e;
            trend = damped + beta * e;
            seasons[j1] = seasons[j1] + gamma * e;
            j1 = j1 + 1 == a.period() ? 0 : j1 + 1;
            if (a.period2() > 0) {
                seasons[j2] = seasons[j2] + delta * e;
                j2 = j2 + 1 == a.slots() ? a.period() : j2 + 1;
            }
        }
        return scored == 0 ? Double.NaN : sse / scored;
    }

    static void forecast(ForecastArgs f, int s, double[] seasons) {
        Series a = f.series();
        int p = s * PARAMS;
        double alpha = f.params().get(p), beta = f.params().get(p + 1), phi = f.params().get(p + 2);
        double gamma = f.params().get(p + 3), delta = f.params().get(p + 4);
        int base = s * a.length();
        int n = a.lengths().get(s);
        double level = initialise(a, s, seasons);
        double trend = 0.0;
        int j1 = 0;
        int j2 = a.period();
        for (int t = 0; t < n; t++) {
            double y = a.values().get(base + t);
            double damped = phi * trend;
            double fit = level + damped + seasons[j1] + (a.period2() > 0 ? seasons[j2] : 0.0);
            double e = Double.isNaN(y) ? 0.0 : y - fit;
            level = level + damped + alpha * e;
            trend = damped + beta * e;
            seasons[j1] = seasons[j1] + gamma * e;
            j1 = j1 + 1 == a.period() ? 0 : j1 + 1;
            if (a.period2() > 0) {
                seasons[j2] = seasons[j2] + delta * e;
                j2 = j2 + 1 == a.slots() ? a.period() : j2 + 1;
            }
        }
        double damping = 0.0;
        double factor = 1.0;
        for (int k = 0; k < f.horizon(); k++) {
            factor = factor * phi;
            damping = damping + factor;
            double value = level + damping * trend + seasons[j1] + (a.period2() > 0 ? seasons[j2] : 0.0);
            f.forecast().put(s * f.horizon() + k, value);
            j1 = j1 + 1 == a.period() ? 0 : j1 + 1;
            if (a.period2() > 0) {
                j2 = j2 + 1 == a.slots() ? a.period() : j2 + 1;
            }
        }
    }
}
