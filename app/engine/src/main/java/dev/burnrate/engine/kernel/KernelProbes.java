package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Representative launches of every kernel, small enough to time at start-up in well under a second per backend:
 * what the {@link BackendSelector} measures. Sizes are those of a typical simulation (scenarios, a year of hours),
 * scaled down; the matrix products report achieved GFLOP/s.
 */
public final class KernelProbes {

    static final int SCENARIOS = 200_000;
    static final int GEMM = 256;
    static final int HOURS = 8760;

    private KernelProbes() {
    }

    /** A probe launch and the floating-point operations it performs (0 when GFLOP/s means nothing). */
    public record Probe(KernelLaunch launch, double flops, String description) {
    }

    public static Probe probe(String kernel) {
        return switch (kernel) {
            case KernelNames.SPOT_TRAINING_MONTE_CARLO -> new Probe(new KernelLaunch(kernel, SCENARIOS,
                    Map.of("wallHours", doubles(SCENARIOS), "cost", doubles(SCENARIOS),
                            "onDemandHours", doubles(SCENARIOS), "interruptions", ints(SCENARIOS)),
                    new SpotTrainingPlan(100, 4, 0.1, 0.5, 0.05, 30, 98, 130, 4, 1000).params(1).scalars()),
                    0, SCENARIOS + " spot-training scenarios");
            case KernelNames.INFERENCE_CAPACITY -> inference();
            case KernelNames.COMMITMENT_COVERAGE -> coverage();
            case KernelNames.SGEMM -> new Probe(new KernelLaunch(kernel, GEMM * GEMM,
                    Map.of("a", floats(GEMM * GEMM, 1), "b", floats(GEMM * GEMM, 2), "c", floats(GEMM * GEMM, 0)),
                    Map.of("m", GEMM, "n", GEMM, "k", GEMM)), 2.0 * GEMM * GEMM * GEMM,
                    "SGEMM " + GEMM + "^3");
            case KernelNames.BATCHED_GEMV -> new Probe(new KernelLaunch(kernel, 16 * 512,
                    Map.of("a", floats(16 * 512 * 512, 3), "x", floats(16 * 512, 4), "y", floats(16 * 512, 0)),
                    Map.of("batch", 16, "m", 512, "n", 512)), 2.0 * 16 * 512 * 512, "GEMV 16 x 512 x 512");
            case KernelNames.ANOMALY_SCORE -> anomaly();
            case KernelNames.EXP_SMOOTHING_GRID, KernelNames.EXP_SMOOTHING_FORECAST -> smoothing(kernel);
            default -> throw new IllegalArgumentException("no probe for kernel '" + kernel + "'");
        };
    }

    private static Probe inference() {
        int offerings = 16;
        SplittableRandom random = new SplittableRandom(5);
        double[] rps = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            rps[h] = 50 * (1 + Math.sin(2 * Math.PI * (h % 24) / 24.0)) + random.nextDouble() * 10;
        }
        double[] tps = new double[offerings];
        double[] prices = new double[offerings];
        for (int o = 0; o < offerings; o++) {
            tps[o] = 500 + 300 * o;
            prices[o] = 1 + o;
        }
        Map<String, java.nio.Buffer> buffers = new HashMap<>();
        buffers.put("requestsPerSecond", KernelRunner.doubles(rps));
        buffers.put("tokensPerSecond", KernelRunner.doubles(tps));
        buffers.put("onDemandPrice", KernelRunner.doubles(prices));
        buffers.put("spotPrice", KernelRunner.doubles(prices));
        buffers.put("committedPrice", KernelRunner.doubles(prices));
        buffers.put("instances", ints(offerings * HOURS));
        buffers.put("totals", doubles(offerings * InferenceCapacityKernel.TOTALS));
        return new Probe(new KernelLaunch(KernelNames.INFERENCE_CAPACITY, offerings, buffers,
                Map.of("hours", HOURS, "tokensPerRequest", 300.0, "utilisationTarget", 0.7, "spotShare", 0.5,
                        "minInstances", 1)), 0, offerings + " offerings x " + HOURS + " hours");
    }

    private static Probe coverage() {
        SplittableRandom random = new SplittableRandom(6);
        double[] usage = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            usage[h] = 20 + 10 * Math.sin(2 * Math.PI * (h % 168) / 168.0) + random.nextDouble() * 3;
        }
        return new Probe(new KernelLaunch(KernelNames.COMMITMENT_COVERAGE, 2 * 101,
                Map.of("usage", KernelRunner.doubles(usage), "committedPrices", KernelRunner.doubles(new double[]{2, 1.4}),
                        "cost", doubles(202), "unusedUnitHours", doubles(202)),
                Map.of("hours", HOURS, "levels", 101, "peakUsage", 33.0, "onDemandPrice", 3.0)), 0,
                "2 terms x 101 levels x " + HOURS + " hours");
    }

    /** 200 daily-cycled hourly series of 90 days, scored from a fresh state. */
    private static Probe anomaly() {
        int series = 200;
        int hours = 90 * 24;
        SplittableRandom random = new SplittableRandom(7);
        DoubleBuffer values = doubles(series * hours);
        for (int i = 0; i < series * hours; i++) {
            values.put(i, 10 + 3 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + random.nextDouble());
        }
        int state = series * KernelNames.ANOMALY_STATE_WIDTH;
        return new Probe(new KernelLaunch(KernelNames.ANOMALY_SCORE, series, Map.of("values", values,
                "stateIn", doubles(state), "score", doubles(series * hours), "expected", doubles(series * hours),
                "stateOut", doubles(state)), Map.of("length", hours, "warmup", 100)), 0,
                series + " series x " + hours + " hours");
    }

    /** Hourly series of 60 days (daily and weekly cycles) fitted over 96 parameter sets, or forecast 48 steps. */
    private static Probe smoothing(String kernel) {
        int series = 64;
        int length = 60 * 24;
        int points = 96;
        SplittableRandom random = new SplittableRandom(7);
        DoubleBuffer values = doubles(series * length);
        java.nio.IntBuffer lengths = ints(series);
        for (int s = 0; s < series; s++) {
            lengths.put(s, length);
            for (int t = 0; t < length; t++) {
                values.put(s * length + t, 100 + s + 20 * Math.sin(2 * Math.PI * t / 24.0)
                        + 5 * Math.sin(2 * Math.PI * t / 168.0) + random.nextDouble() * 4);
            }
        }
        Map<String, Number> scalars = new HashMap<>(Map.of("length", length, "period", 24, "period2", 168));
        int rows = kernel.equals(KernelNames.EXP_SMOOTHING_GRID) ? points : series;
        DoubleBuffer params = doubles(rows * ExpSmoothingKernel.PARAMS);
        for (int r = 0; r < rows; r++) {
            double[] p = {0.05 + 0.9 * random.nextDouble(), 0.02, 0.9, 0.3 * random.nextDouble(), 0.1};
            params.put(r * ExpSmoothingKernel.PARAMS, p);
        }
        if (kernel.equals(KernelNames.EXP_SMOOTHING_GRID)) {
            scalars.put("gridPoints", points);
            scalars.put("warmup", 168);
            return new Probe(new KernelLaunch(kernel, series * points, Map.of("values", values, "lengths", lengths,
                    "grid", params, "mse", doubles(series * points)), scalars), 0,
                    series + " series x " + length + " hours x " + points + " parameter sets");
        }
        scalars.put("horizon", 48);
        return new Probe(new KernelLaunch(kernel, series, Map.of("values", values, "lengths", lengths,
                "params", params, "forecast", doubles(series * 48)), scalars), 0,
                series + " series x " + length + " hours, 48 steps ahead");
    }

    private static DoubleBuffer doubles(int length) {
        return KernelRunner.doubles(length);
    }

    private static java.nio.IntBuffer ints(int length) {
        return ByteBuffer.allocateDirect(length * Integer.BYTES).order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    private static FloatBuffer floats(int length, long seed) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(length * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        if (seed != 0) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < length; i++) {
                buffer.put(i, (float) (random.nextDouble() * 2 - 1));
            }
        }
        return buffer;
    }
}
