package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

import static dev.burnrate.engine.kernel.KernelArgs.require;

/**
 * The reference inference capacity kernel ({@link dev.burnrate.api.KernelNames#INFERENCE_CAPACITY}): one offering
 * per item, a loop over the hours of the load curve. Totals come from integer instance-hour sums, so they are
 * exact whatever order a backend adds in.
 */
public final class InferenceCapacityKernel {

    public static final int TOTALS = 5;
    public static final int ON_DEMAND_COST = 0;
    public static final int SPOT_MIX_COST = 1;
    public static final int COMMITTED_MIX_COST = 2;
    public static final int BASELINE_INSTANCES = 3;
    public static final int INSTANCE_HOURS = 4;

    private InferenceCapacityKernel() {
    }

    /** A checked launch: scalars, inputs and outputs. */
    public record Args(int offerings, int hours, double tokensPerRequest, double utilisationTarget,
                       double spotShare, int minInstances, DoubleBuffer requestsPerSecond,
                       DoubleBuffer tokensPerSecond, DoubleBuffer onDemandPrice, DoubleBuffer spotPrice,
                       DoubleBuffer committedPrice, IntBuffer instances, DoubleBuffer totals) {

        public static Args from(KernelLaunch launch) throws KernelException {
            int offerings = launch.size();
            int hours = KernelArgs.intAtLeast(launch, "hours", 1);
            DoubleBuffer rps = KernelArgs.input(launch, "requestsPerSecond", DoubleBuffer.class, hours);
            DoubleBuffer tps = KernelArgs.input(launch, "tokensPerSecond", DoubleBuffer.class, offerings);
            for (int h = 0; h < hours; h++) {
                double value = rps.get(h);
                require(Double.isFinite(value) && value >= 0, launch,
                        "requestsPerSecond[" + h + "] must be a finite number >= 0 but is " + value);
            }
            for (int o = 0; o < offerings; o++) {
                double value = tps.get(o);
                require(Double.isFinite(value) && value > 0, launch,
                        "tokensPerSecond[" + o + "] must be a finite number > 0 but is " + value);
            }
            return new Args(offerings, hours, KernelArgs.atLeast(launch, "tokensPerRequest", Double.MIN_NORMAL),
                    KernelArgs.between(launch, "utilisationTarget", Double.MIN_NORMAL, 1),
                    KernelArgs.between(launch, "spotShare", 0, 1), KernelArgs.intAtLeast(launch, "minInstances", 0),
                    rps, tps, KernelArgs.input(launch, "onDemandPrice", DoubleBuffer.class, offerings),
                    KernelArgs.input(launch, "spotPrice", DoubleBuffer.class, offerings),
                    KernelArgs.input(launch, "committedPrice", DoubleBuffer.class, offerings),
                    KernelArgs.output(launch, "instances", IntBuffer.class, (long) offerings * hours),
                    KernelArgs.output(launch, "totals", DoubleBuffer.class, (long) offerings * TOTALS));
        }
    }

    public static BoundKernel bind(KernelLaunch launch) throws KernelException {
        Args args = Args.from(launch);
        return new BoundKernel() {
            public int items() {
                return args.offerings();
            }

            public void run(int from, int to) {
                InferenceCapacityKernel.run(args, from, to);
            }
        };
    }

    public static void run(Args a, int from, int to) {
        for (int o = from; o < to; o++) {
            double capacity = a.tokensPerSecond().get(o) * a.utilisationTarget();
            long instanceHours = 0;
            long spotHours = 0;
            int baseline = Integer.MAX_VALUE;
            for (int h = 0; h < a.hours(); h++) {
                int n = instancesNeeded(a.requestsPerSecond().get(h) * a.tokensPerRequest(), capacity,
                        a.minInstances());
                a.instances().put(o * a.hours() + h, n);
                instanceHours = instanceHours + n;
                spotHours = spotHours + (long) Math.floor((double) n * a.spotShare());
                baseline = Math.min(baseline, n);
            }
            writeTotals(a, o, instanceHours, spotHours, baseline);
        }
    }

    /** {@code max(minInstances, ceil(demand / capacity))}, saturating at {@code Integer.MAX_VALUE}. */
    public static int instancesNeeded(double demandTokensPerSecond, double capacity, int minInstances) {
        int needed = (int) Math.ceil(demandTokensPerSecond / capacity);
        return Math.max(minInstances, needed);
    }

    /** Writes the five totals of offering {@code o} from its integer sums; shared with the SIMD backend. */
    public static void writeTotals(Args a, int o, long instanceHours, long spotHours, int baseline) {
        double onDemand = a.onDemandPrice().get(o);
        long baselineHours = (long) baseline * a.hours();
        int base = o * TOTALS;
        a.totals().put(base + ON_DEMAND_COST, (double) instanceHours * onDemand);
        a.totals().put(base + SPOT_MIX_COST, (double) spotHours * a.spotPrice().get(o)
                + (double) (instanceHours - spotHours) * onDemand);
        a.totals().put(base + COMMITTED_MIX_COST, (double) baselineHours * a.committedPrice().get(o)
                + (double) (instanceHours - baselineHours) * onDemand);
        a.totals().put(base + BASELINE_INSTANCES, baseline);
        a.totals().put(base + INSTANCE_HOURS, (double) instanceHours);
    }
}
