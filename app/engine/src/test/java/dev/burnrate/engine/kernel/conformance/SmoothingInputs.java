package dev.burnrate.engine.kernel.conformance;

import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded launches of the exponential smoothing kernels: series of uneven lengths (one empty, one shorter than a
 * cycle) with missing steps, trends and both cycles, and a grid whose size does not fill whole vectors.
 */
public final class SmoothingInputs {

    private SmoothingInputs() {
    }

    public record Series(DoubleBuffer values, IntBuffer lengths, int count, int length) {
    }

    public static Series series(int count, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DoubleBuffer values = KernelBuffers.doubles(count * length);
        IntBuffer lengths = KernelBuffers.ints(count);
        for (int s = 0; s < count; s++) {
            int n = s == 0 ? 0 : s == 1 ? 5 : length - random.nextInt(length / 3);
            lengths.put(s, n);
            double level = 10 + 1000 * random.nextDouble();
            for (int t = 0; t < length; t++) {
                double v = level * (1 + 0.3 * Math.sin(2 * Math.PI * t / 24) + 0.1 * Math.sin(2 * Math.PI * t / 168))
                        + 0.01 * level * t / 24 + level * 0.05 * random.nextGaussian();
                values.put(s * length + t, random.nextInt(40) == 0 ? Double.NaN : v);
            }
        }
        return new Series(values, lengths, count, length);
    }

    public static DoubleBuffer grid(int points, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DoubleBuffer grid = KernelBuffers.doubles(points * 5);
        for (int g = 0; g < points; g++) {
            grid.put(g * 5, new double[]{random.nextDouble(), random.nextDouble() * 0.1, random.nextDouble(),
                    random.nextDouble() * 0.5, g % 3 == 0 ? 0 : random.nextDouble() * 0.3});
        }
        return grid;
    }

    public static KernelLaunch gridLaunch(Series series, DoubleBuffer grid, int points, int period, int period2,
                                          DoubleBuffer mse) {
        Map<String, Buffer> buffers = new HashMap<>(Map.of("values", series.values(), "lengths", series.lengths(),
                "grid", grid, "mse", mse));
        return new KernelLaunch(KernelNames.EXP_SMOOTHING_GRID, series.count() * points, buffers,
                Map.of("length", series.length(), "period", period, "period2", period2, "gridPoints", points,
                        "warmup", Math.max(period, period2)));
    }

    public static KernelLaunch forecastLaunch(Series series, DoubleBuffer params, int period, int period2,
                                              int horizon, DoubleBuffer forecast) {
        return new KernelLaunch(KernelNames.EXP_SMOOTHING_FORECAST, series.count(), Map.of("values",
                series.values(), "lengths", series.lengths(), "params", params, "forecast", forecast),
                Map.of("length", series.length(), "period", period, "period2", period2, "horizon", horizon));
    }
}
