package dev.burnrate.plugins.opencl;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;
import dev.burnrate.api.KernelNames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/** Checks each kernel's arguments and runs it on the device; argument meanings are in {@code KernelNames}. */
final class OpenClKernels {

    /** Work-group size on GPUs, and the multiple global sizes are rounded up to (kernels skip the excess). */
    private static final int GROUP = 64;
    private static final int SMOOTHING_CPU_GROUP = 8;

    private OpenClKernels() {
    }

    static void spotTraining(OpenClDevice device, KernelLaunch launch) throws KernelException {
        Args args = new Args(launch);
        int size = launch.size();
        double rate = args.atLeast("interruptionsPerHour", 0.0);
        double deadline = launch.doubleScalar("deadlineHours");
        args.require(!Double.isInfinite(deadline), "deadlineHours must not be infinite (use 0 for none)");
        // CPU devices run eight scenarios per work-item in vector lanes (PoCL cannot vectorise the divergent
        // scalar kernel itself); GPUs run one per work-item.
        String kernel = device.isGpu() ? "spot_training" : "spot_training_cpu";
        try (ClCall call = new ClCall(device, kernel)) {
            call.arg(launch.longScalar("seed")).arg(args.atLeast("segments", 1))
                    .arg(args.atLeast("segmentHours", Double.MIN_NORMAL))
                    .arg(args.atLeast("lastSegmentHours", Double.MIN_NORMAL))
                    .arg(rate).arg(1.0 / rate).arg(args.atLeast("restartHours", 0.0))
                    .arg(args.atLeast("spotPrice", 0.0)).arg(args.atLeast("onDemandPrice", 0.0))
                    .arg(deadline).arg(args.atLeast("fallbackSlackHours", 0.0))
                    .arg(args.atLeast("maxInterruptions", 1)).arg(size)
                    .out(args.out("wallHours", DoubleBuffer.class, size), size)
                    .out(args.out("cost", DoubleBuffer.class, size), size)
                    .out(args.out("onDemandHours", DoubleBuffer.class, size), size)
                    .out(args.out("interruptions", IntBuffer.class, size), size)
                    .run(range(device.isGpu() ? size : (size + 7) / 8), group(device));
        }
    }

    static void inferenceCapacity(OpenClDevice device, KernelLaunch launch) throws KernelException {
        Args args = new Args(launch);
        int offerings = launch.size();
        int hours = args.atLeast("hours", 1);
        DoubleBuffer rps = args.finiteIn("requestsPerSecond", hours, v -> v >= 0, ">= 0");
        DoubleBuffer tps = args.finiteIn("tokensPerSecond", offerings, v -> v > 0, "> 0");
        try (ClCall call = new ClCall(device, "inference_capacity")) {
            call.arg(hours).arg(args.atLeast("tokensPerRequest", Double.MIN_NORMAL))
                    .arg(args.between("utilisationTarget", Double.MIN_NORMAL, 1)).arg(args.between("spotShare", 0, 1))
                    .arg(args.atLeast("minInstances", 0)).arg(offerings)
                    .in(rps, hours).in(tps, offerings)
                    .in(args.in("onDemandPrice", DoubleBuffer.class, offerings), offerings)
                    .in(args.in("spotPrice", DoubleBuffer.class, offerings), offerings)
                    .in(args.in("committedPrice", DoubleBuffer.class, offerings), offerings)
                    .out(args.out("instances", IntBuffer.class, (long) offerings * hours), (long) offerings * hours)
                    .out(args.out("totals", DoubleBuffer.class, offerings * 5L), offerings * 5L)
                    .run(range(offerings), group(device));
        }
    }

    static void commitmentCoverage(OpenClDevice device, KernelLaunch launch) throws KernelException {
        Args args = new Args(launch);
        int size = launch.size();
        int hours = args.atLeast("hours", 1);
        int levels = args.atLeast("levels", 2);
        args.require(size % levels == 0, "size must be terms * levels but " + size + " is not a multiple of " + levels);
        DoubleBuffer usage = args.finiteIn("usage", hours, v -> v >= 0, ">= 0");
        try (ClCall call = new ClCall(device, "commitment_coverage")) {
            call.arg(hours).arg(levels).arg(args.atLeast("peakUsage", 0.0)).arg(args.atLeast("onDemandPrice", 0.0))
                    .arg(size).in(usage, hours)
                    .in(args.in("committedPrices", DoubleBuffer.class, size / levels), size / levels)
                    .out(args.out("cost", DoubleBuffer.class, size), size)
                    .out(args.out("unusedUnitHours", DoubleBuffer.class, size), size)
                    .run(range(size), group(device));
        }
    }

    /** Seasonal state lives in private memory of this many slots (smoothing.cl's SMOOTHING_SLOTS). */
    static final int SMOOTHING_SLOTS = 512;

    /** Checks the arguments both smoothing kernels share; returns length, period, period2. */
    private static int[] smoothingSeries(Args args, int count) throws KernelException {
        int length = args.atLeast("length", 1);
        int period = args.atLeast("period", 1);
        int period2 = args.atLeast("period2", 0);
        args.require(period2 == 0 || (period2 > period && period2 % period == 0),
                "scalar 'period2' must be 0 or a multiple of 'period' (" + period + ") but is " + period2);
        args.require(period + period2 <= SMOOTHING_SLOTS, "period + period2 must be at most " + SMOOTHING_SLOTS
                + " on OpenCL (seasonal state in private memory) but is " + (period + period2));
        IntBuffer lengths = args.in("lengths", IntBuffer.class, count);
        for (int s = 0; s < count; s++) {
            int n = lengths.get(s);
            args.require(n >= 0 && n <= length, "lengths[" + s + "] must be in [0, " + length + "] but is " + n);
        }
        return new int[]{length, period, period2};
    }

    private static DoubleBuffer smoothingParams(Args args, String name, int rows) throws KernelException {
        DoubleBuffer p = args.in(name, DoubleBuffer.class, (long) rows * 5);
        for (int i = 0; i < rows * 5; i++) {
            double v = p.get(i);
            args.require(v >= 0 && v <= 1, name + "[" + i / 5 + "][" + i % 5 + "] must be in [0, 1] but is " + v);
        }
        return p;
    }

    static void expSmoothingGrid(OpenClDevice device, KernelLaunch launch) throws KernelException {
        Args args = new Args(launch);
        int size = launch.size();
        int points = args.atLeast("gridPoints", 1);
        args.require(size % points == 0, "size must be series * gridPoints but " + size
                + " is not a multiple of " + points);
        int count = size / points;
        int[] series = smoothingSeries(args, count);
        int warmup = args.atLeast("warmup", 0);
        DoubleBuffer grid = smoothingParams(args, "grid", points);
        try (ClCall call = new ClCall(device, "exp_smoothing_grid")) {
            call.arg(series[0]).arg(series[1]).arg(series[2]).arg(points).arg(warmup).arg(size)
                    .in(args.in("values", DoubleBuffer.class, (long) count * series[0]), (long) count * series[0])
                    .in(args.in("lengths", IntBuffer.class, count), count).in(grid, (long) points * 5)
                    .out(args.out("mse", DoubleBuffer.class, size), size)
                    .run(range(size), smoothingGroup(device));
        }
    }

    static void expSmoothingForecast(OpenClDevice device, KernelLaunch launch) throws KernelException {
        Args args = new Args(launch);
        int count = launch.size();
        int[] series = smoothingSeries(args, count);
        int horizon = args.atLeast("horizon", 1);
        DoubleBuffer params = smoothingParams(args, "params", count);
        try (ClCall call = new ClCall(device, "exp_smoothing_forecast")) {
            call.arg(series[0]).arg(series[1]).arg(series[2]).arg(horizon).arg(count)
                    .in(args.in("values", DoubleBuffer.class, (long) count * series[0]), (long) count * series[0])
                    .in(args.in("lengths", IntBuffer.class, count), count).in(params, (long) count * 5)
                    .out(args.out("forecast", DoubleBuffer.class, (long) count * horizon), (long) count * horizon)
                    .run(range(count), smoothingGroup(device));
        }
    }

    static void sgemm(OpenClDevice device, KernelLaunch launch) throws KernelException {
        Args args = new Args(launch);
        int m = args.atLeast("m", 1);
        int n = args.atLeast("n", 1);
        int k = args.atLeast("k", 1);
        args.require(launch.size() == (long) m * n, "size must be m * n = " + (long) m * n + " but is " + launch.size());
        args.require(Math.max((long) m * k, (long) k * n) <= Integer.MAX_VALUE, "m * k and k * n must fit an int index");
        String kernel = device.isGpu() ? "sgemm_gpu" : "sgemm_cpu";
        try (ClCall call = new ClCall(device, kernel)) {
            call.arg(m).arg(n).arg(k).in(args.in("a", FloatBuffer.class, (long) m * k), (long) m * k)
                    .in(args.in("b", FloatBuffer.class, (long) k * n), (long) k * n)
                    .out(args.out("c", FloatBuffer.class, (long) m * n), (long) m * n);
            if (device.isGpu()) {
                call.run(new long[]{roundUp(n, 16), roundUp(m, 16)}, new long[]{16, 16});
            } else {
                call.run(new long[]{(m + 5) / 6, (n + 31) / 32}, null);
            }
        }
    }

    static void batchedGemv(OpenClDevice device, KernelLaunch launch) throws KernelException {
        Args args = new Args(launch);
        int batch = args.atLeast("batch", 1);
        int m = args.atLeast("m", 1);
        int n = args.atLeast("n", 1);
        long rows = (long) batch * m;
        args.require(launch.size() == rows, "size must be batch * m = " + rows + " but is " + launch.size());
        args.require(rows * n <= Integer.MAX_VALUE, "batch * m * n must fit an int index: " + rows * n);
        String kernel = device.isGpu() ? "batched_gemv_gpu" : "batched_gemv_cpu";
        try (ClCall call = new ClCall(device, kernel)) {
            call.arg(m).arg(n).arg((int) rows).in(args.in("a", FloatBuffer.class, rows * n), rows * n)
                    .in(args.in("x", FloatBuffer.class, (long) batch * n), (long) batch * n)
                    .out(args.out("y", FloatBuffer.class, rows), rows);
            if (device.isGpu()) {
                call.run(new long[]{rows * 64}, new long[]{64});
            } else {
                call.run(range((int) rows), null);
            }
        }
    }

    static void anomalyScore(OpenClDevice device, KernelLaunch launch) throws KernelException {
        Args args = new Args(launch);
        int series = launch.size();
        int length = args.atLeast("length", 0);
        int warmup = args.atLeast("warmup", 1);
        long points = (long) series * length;
        long state = (long) series * KernelNames.ANOMALY_STATE_WIDTH;
        DoubleBuffer stateIn = args.in("stateIn", DoubleBuffer.class, state);
        DoubleBuffer stateOut = args.out("stateOut", DoubleBuffer.class, state);
        if (stateIn == stateOut) {
            // Scoring in place: the device gets its own copy to read, so no two device buffers alias one host array.
            DoubleBuffer copy = ByteBuffer.allocateDirect((int) Math.max(1, state) * Double.BYTES)
                    .order(ByteOrder.nativeOrder()).asDoubleBuffer();
            for (int i = 0; i < state; i++) {
                copy.put(i, stateIn.get(i));
            }
            stateIn = copy;
        }
        try (ClCall call = new ClCall(device, "anomaly_score")) {
            call.arg(length).arg(series).arg((double) warmup).arg(StrictMath.log(1e-10))
                    .in(args.in("values", DoubleBuffer.class, points), points).in(stateIn, state)
                    .out(args.out("score", DoubleBuffer.class, points), points)
                    .out(args.out("expected", DoubleBuffer.class, points), points)
                    .out(stateOut, state)
                    .run(range(series), group(device));
        }
    }

    private static long[] range(int size) {
        return new long[]{roundUp(Math.max(size, 1), GROUP)};
    }

    private static long[] group(OpenClDevice device) {
        return device.isGpu() ? new long[]{GROUP} : null;
    }

    /**
     * The smoothing kernels keep 4 KB of seasonal state per work-item in private memory. A CPU runtime (PoCL) puts a
     * work-group's private memory on one thread's stack, so the group it picks by itself (hundreds of items) overflows
     * it and the process dies; a small group fits. The global range is a multiple of it ({@link #range}).
     */
    private static long[] smoothingGroup(OpenClDevice device) {
        return new long[]{device.isGpu() ? GROUP : SMOOTHING_CPU_GROUP};
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
