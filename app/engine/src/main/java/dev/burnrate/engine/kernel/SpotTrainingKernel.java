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
        for (int s = from; s < to; s++) {
            long key = CounterRng.streamKey(p.seed(), s);
            long draw = 0;
            double t = 0;
            double cost = 0;
            double onDemandHours = 0;
            int interruptions = 0;
            boolean onDemand = false;
            for (int segment = 0; segment < n; segment++) {
                boolean last = segment == n - 1;
                double length = last ? p.lastSegmentHours() : p.segmentHours();
                long threshold = last ? p.lastSegmentFailThreshold() : p.segmentFailThreshold();
                double failProbability = last ? p.lastSegmentFailProbability() : p.segmentFailProbability();
                while (true) {
                    if (onDemand) {
                        t = t + length;
                        cost = cost + length * p.onDemandPrice();
                        onDemandHours = onDemandHours + length;
                        break;
                    }
                    long bits = CounterRng.bits(key, draw);
                    draw = draw + 1;
                    if (CounterRng.top53(bits) >= threshold) {
                        t = t + length;
                        cost = cost + length * p.spotPrice();
                        break;
                    }
                    double u = CounterRng.unit(CounterRng.bits(key, draw));
                    draw = draw + 1;
                    double lost = -KernelMath.ln(1.0 - u * failProbability) / p.interruptionsPerHour();
                    t = t + lost;
                    cost = cost + lost * p.spotPrice();
                    interruptions = interruptions + 1;
                    if (interruptions >= p.maxInterruptions() || (p.deadlineHours() > 0
                            && p.deadlineHours() - (t + p.restartHours() + p.remainingHours(segment))
                            < p.fallbackSlackHours())) {
                        onDemand = true;
                        t = t + p.restartHours();
                        cost = cost + p.restartHours() * p.onDemandPrice();
                        onDemandHours = onDemandHours + p.restartHours();
                    } else {
                        t = t + p.restartHours();
                        cost = cost + p.restartHours() * p.spotPrice();
                    }
                }
            }
            out.wallHours().put(s, t);
            out.cost().put(s, cost);
            out.onDemandHours().put(s, onDemandHours);
            out.interruptions().put(s, interruptions);
        }
    }
}
