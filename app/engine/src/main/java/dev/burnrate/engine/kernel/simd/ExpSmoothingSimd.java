package dev.burnrate.engine.kernel.simd;

import dev.burnrate.engine.kernel.ExpSmoothingKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exponential smoothing grid with one parameter set per lane: all lanes read the same series step, so the
 * step loop stays sequential and every lane performs the reference's operations in its order (bit for bit). A
 * series' grid points that do not fill a vector use the scalar reference. The parameter columns and the seasonal
 * state are laid out once per chunk; nothing is allocated inside the step loop.
 */
final class ExpSmoothingSimd {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private ExpSmoothingSimd() {
    }

    /** The grid's parameters as columns (alpha[G], beta[G], ...), read with unit stride by the lanes. */
    static double[][] columns(ExpSmoothingKernel.GridArgs a) {
        double[][] columns = new double[ExpSmoothingKernel.PARAMS][a.gridPoints()];
        for (int g = 0; g < a.gridPoints(); g++) {
            for (int k = 0; k < ExpSmoothingKernel.PARAMS; k++) {
                columns[k][g] = a.grid().get(g * ExpSmoothingKernel.PARAMS + k);
            }
        }
        return columns;
    }

    static void run(ExpSmoothingKernel.GridArgs a, double[][] columns, int from, int to) {
        int points = a.gridPoints();
        int slots = a.series().slots();
        double[] initial = new double[slots];
        double[] state = new double[slots * D.length()];
        double[] result = new double[D.length()];
        int i = from;
        while (i < to) {
            int s = i / points;
            int seriesEnd = Math.min(to, (s + 1) * points);
            if (i + D.length() <= seriesEnd) {
                double level = ExpSmoothingKernel.initialise(a.series(), s, initial);
                for (; i + D.length() <= seriesEnd; i += D.length()) {
                    lanes(a, columns, s, i % points, level, initial, state, result);
                    for (int lane = 0; lane < D.length(); lane++) {
                        a.mse().put(i + lane, result[lane]);
                    }
                }
            }
            for (; i < seriesEnd; i++) {
                a.mse().put(i, ExpSmoothingKernel.mse(a, s, i % points, initial));
            }
        }
    }

    private static void lanes(ExpSmoothingKernel.GridArgs a, double[][] columns, int s, int g, double level0,
                              double[] initial, double[] state, double[] result) {
        ExpSmoothingKernel.Series series = a.series();
        int lanes = D.length();
        for (int j = 0; j < initial.length; j++) {
            DoubleVector.broadcast(D, initial[j]).intoArray(state, j * lanes);
        }
        DoubleVector alpha = DoubleVector.fromArray(D, columns[0], g);
        DoubleVector beta = DoubleVector.fromArray(D, columns[1], g);
        DoubleVector phi = DoubleVector.fromArray(D, columns[2], g);
        DoubleVector gamma = DoubleVector.fromArray(D, columns[3], g);
        DoubleVector delta = DoubleVector.fromArray(D, columns[4], g);
        DoubleVector level = DoubleVector.broadcast(D, level0);
        DoubleVector trend = DoubleVector.zero(D);
        DoubleVector sse = DoubleVector.zero(D);
        DoubleVector zero = DoubleVector.zero(D);
        int base = s * series.length();
        int n = series.lengths().get(s);
        int period = series.period();
        boolean two = series.period2() > 0;
        int scored = 0;
        int j1 = 0;
        int j2 = period;
        for (int t = 0; t < n; t++) {
            double y = series.values().get(base + t);
            boolean missing = Double.isNaN(y);
            DoubleVector damped = phi.mul(trend);
            DoubleVector s1 = DoubleVector.fromArray(D, state, j1 * lanes);
            DoubleVector s2 = two ? DoubleVector.fromArray(D, state, j2 * lanes) : zero;
            DoubleVector f = level.add(damped).add(s1).add(s2);
            DoubleVector e = missing ? zero : DoubleVector.broadcast(D, y).sub(f);
            if (t >= a.warmup() && !missing) {
                sse = sse.add(e.mul(e));
                scored++;
            }
            level = level.add(damped).add(alpha.mul(e));
            trend = damped.add(beta.mul(e));
            s1.add(gamma.mul(e)).intoArray(state, j1 * lanes);
            j1 = j1 + 1 == period ? 0 : j1 + 1;
            if (two) {
                s2.add(delta.mul(e)).intoArray(state, j2 * lanes);
                j2 = j2 + 1 == series.slots() ? period : j2 + 1;
            }
        }
        if (scored == 0) {
            java.util.Arrays.fill(result, Double.NaN);
        } else {
            sse.div(scored).intoArray(result, 0);
        }
    }
}
