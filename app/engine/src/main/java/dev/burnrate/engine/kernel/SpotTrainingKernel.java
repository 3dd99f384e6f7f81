package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * The reference spot-training Monte Carlo ({@link dev.burnrate.api.KernelNames#SPOT_TRAINING_MONTE_CARLO}): one
 * scenario per item, no allocation, every random number derived from (seed, scenario, draw).
 */
public final class SpotTrainingKernel {

    private SpotTrainingKernel() {
    }

    /** The checked output buffers of a launch. */
    public record Outputs(DoubleBuffer wallHours, DoubleBuffer cost, DoubleBuffer onDemandHours,
                          IntBuffer interruptions) {

        public static Outputs from(KernelLaunch launch) throws KernelException {
            int size = launch.size();
            return new Outputs(KernelArgs.output(launch, "wallHours", DoubleBuffer.class, size),
                    KernelArgs.output(launch, "cost", DoubleBuffer.class, size),
                    KernelArgs.output(launch, "onDemandHours", DoubleBuffer.class, size),
                    KernelArgs.output(launch, "interruptions", IntBuffer.class, size));
        }
    }

    public static BoundKernel bind(KernelLaunch launch) throws KernelException {
        SpotTrainingParams params = SpotTrainingParams.from(launch);
        Outputs out = Outputs.from(launch);
        int size = launch.size();
        return new BoundKernel() {
            public int items() {
                return size;
            }

            public void run(int from, int to) {
                SpotTrainingKernel.run(params, out, from, to);
            }
        };
    }

    public static void run(SpotTrainingParams p, Outputs out, int from, int to) {
        int n = p.segments();
        double segmentHours = p.segmentHours();
        for (int s = from; s < to; s++) {
            long key = CounterRng.streamKey(p.seed(), s);
            long draw = 0;
            long segment = 0;
            double t = 0;
            double cost = 0;
            double onDemandHours = 0;
            int interruptions = 0;
            boolean onDemand = false;
            while (true) {
                double fullHours = (double) (n - 1 - segment) * segmentHours;
                double remaining = fullHours + p.lastSegmentHours();
                if (onDemand) {
                    t = t + remaining;
                    cost = cost + remaining * p.onDemandPrice();
                    onDemandHours = onDemandHours + remaining;
                    break;
                }
                double x = runningHoursUntilInterruption(p, key, draw);
                draw = draw + 1;
                if (x >= remaining) {
                    t = t + remaining;
                    cost = cost + remaining * p.spotPrice();
                    break;
                }
                segment = segment + completedSegments(x, fullHours, segmentHours, n - 1 - segment);
                t = t + x;
                cost = cost + x * p.spotPrice();
                interruptions = interruptions + 1;
                double resumeRemaining = (double) (n - 1 - segment) * segmentHours + p.lastSegmentHours();
                if (interruptions >= p.maxInterruptions() || (p.deadlineHours() > 0
                        && p.deadlineHours() - (t + p.restartHours() + resumeRemaining) < p.fallbackSlackHours())) {
                    onDemand = true;
                    t = t + p.restartHours();
                    cost = cost + p.restartHours() * p.onDemandPrice();
                    onDemandHours = onDemandHours + p.restartHours();
                } else {
                    t = t + p.restartHours();
                    cost = cost + p.restartHours() * p.spotPrice();
                }
            }
            out.wallHours().put(s, t);
            out.cost().put(s, cost);
            out.onDemandHours().put(s, onDemandHours);
            out.interruptions().put(s, interruptions);
        }
    }

    /**
     * Exponential running time to the next interruption from draw {@code draw}: {@code -ln(1 - u) * (1 / rate)}
     * (a multiplication by the reciprocal computed once is cheaper than a division per draw); +infinity at rate 0.
     */
    static double runningHoursUntilInterruption(SpotTrainingParams p, long key, long draw) {
        if (!(p.interruptionsPerHour() > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double u = CounterRng.unit(CounterRng.bits(key, draw));
        return -KernelMath.ln(1.0 - u) * p.meanHoursBetweenInterruptions();
    }

    /** Full segments completed in {@code x} running hours: {@code floor(x / T)}, robust to division rounding. */
    static long completedSegments(double x, double fullHours, double segmentHours, long fullSegments) {
        if (x >= fullHours) {
            return fullSegments;
        }
        long completed = (long) (x / segmentHours);
        if ((double) completed * segmentHours > x) {
            completed = completed - 1;
        }
        return completed;
    }
}
