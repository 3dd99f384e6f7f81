package dev.burnrate.engine.forecast;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;
import dev.burnrate.engine.kernel.ExpSmoothingKernel;
import dev.burnrate.engine.kernel.KernelRouter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fits exponential smoothing to many series at once on the routed backend: one grid launch scores every (series,
 * parameter set) pair, each series keeps the best set of each family (one seasonal cycle; two cycles), and one
 * forecast launch per family produces the forecasts. Rows are the series (raw or in logs), left-aligned.
 */
final class SmoothingFits {

    /** Family 0: one seasonal cycle (delta = 0); family 1: two cycles (delta > 0). */
    static final int FAMILIES = 2;

    private static final double[] ALPHA = {0.02, 0.05, 0.1, 0.2, 0.4, 0.7};
    private static final double[] GAMMA = {0.01, 0.05, 0.15, 0.3};
    private static final double[][] TREND = {{0, 0}, {0.02, 0.9}};
    private static final double[] DELTA = {0, 0.05, 0.15, 0.3};

    private final KernelRouter router;
    private final double[] grid;
    private final int points;

    SmoothingFits(KernelRouter router) {
        this.router = router;
        List<double[]> rows = new ArrayList<>();
        for (double delta : DELTA) {
            for (double[] trend : TREND) {
                for (double gamma : GAMMA) {
                    for (double alpha : ALPHA) {
                        rows.add(new double[]{alpha, trend[0], trend[1], gamma, delta});
                    }
                }
            }
        }
        points = rows.size();
        grid = new double[points * ExpSmoothingKernel.PARAMS];
        for (int g = 0; g < points; g++) {
            System.arraycopy(rows.get(g), 0, grid, g * ExpSmoothingKernel.PARAMS, ExpSmoothingKernel.PARAMS);
        }
    }

    /** Forecasts of every row by both families, and the chosen parameters. */
    record Result(double[][] forecasts, double[][] params) {
        // forecasts[family][row * horizon + k], params[family][row * PARAMS + j]
    }

    /**
     * @param values  rows x length, left-aligned (DoubleBuffer, direct)
     * @param lengths steps to use of each row (the origin)
     */
    Result fit(DoubleBuffer values, int rows, int length, int[] lengths, Seasons seasons, int horizon)
            throws KernelException {
        int period2 = seasons.secondary();
        IntBuffer lengthBuffer = ints(lengths);
        DoubleBuffer mse = doubles(rows * points);
        Map<String, Number> scalars = Map.of("length", length, "period", seasons.primary(), "period2", period2,
                "gridPoints", points, "warmup", seasons.longest());
        router.backendFor(KernelNames.EXP_SMOOTHING_GRID).launch(new KernelLaunch(KernelNames.EXP_SMOOTHING_GRID,
                rows * points, Map.of("values", values, "lengths", lengthBuffer, "grid", doubles(grid), "mse", mse),
                scalars));
        double[][] forecasts = new double[FAMILIES][];
        double[][] params = new double[FAMILIES][];
        for (int family = 0; family < FAMILIES; family++) {
            DoubleBuffer chosen = doubles(rows * ExpSmoothingKernel.PARAMS);
            for (int r = 0; r < rows; r++) {
                int best = bestPoint(mse, r, family == 1 && period2 > 0);
                for (int j = 0; j < ExpSmoothingKernel.PARAMS; j++) {
                    chosen.put(r * ExpSmoothingKernel.PARAMS + j, grid[best * ExpSmoothingKernel.PARAMS + j]);
                }
            }
            DoubleBuffer out = doubles(rows * horizon);
            router.backendFor(KernelNames.EXP_SMOOTHING_FORECAST).launch(new KernelLaunch(
                    KernelNames.EXP_SMOOTHING_FORECAST, rows, Map.of("values", values, "lengths", lengthBuffer,
                    "params", chosen, "forecast", out), Map.of("length", length, "period", seasons.primary(),
                    "period2", period2, "horizon", horizon)));
            forecasts[family] = new double[rows * horizon];
            out.get(0, forecasts[family]);
            params[family] = new double[rows * ExpSmoothingKernel.PARAMS];
            chosen.get(0, params[family]);
        }
        return new Result(forecasts, params);
    }

    private int bestPoint(DoubleBuffer mse, int row, boolean twoCycles) {
        int best = 0;
        double bestMse = Double.POSITIVE_INFINITY;
        for (int g = 0; g < points; g++) {
            boolean hasDelta = grid[g * ExpSmoothingKernel.PARAMS + 4] > 0;
            double m = mse.get(row * points + g);
            if (hasDelta == twoCycles && m < bestMse) {
                bestMse = m;
                best = g;
            }
        }
        return best;
    }

    static DoubleBuffer doubles(int length) {
        return ByteBuffer.allocateDirect(Math.max(1, length) * Double.BYTES).order(ByteOrder.nativeOrder())
                .asDoubleBuffer();
    }

    static DoubleBuffer doubles(double[] values) {
        DoubleBuffer buffer = doubles(values.length);
        buffer.put(0, values);
        return buffer;
    }

    private static IntBuffer ints(int[] values) {
        IntBuffer buffer = ByteBuffer.allocateDirect(Math.max(1, values.length) * Integer.BYTES)
                .order(ByteOrder.nativeOrder()).asIntBuffer();
        buffer.put(0, values);
        return buffer;
    }
}
