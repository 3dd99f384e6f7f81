package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.nio.DoubleBuffer;

import static dev.burnrate.engine.kernel.KernelArgs.require;

/**
 * The reference commitment coverage kernel ({@link dev.burnrate.api.KernelNames#COMMITMENT_COVERAGE}): one
 * (term, coverage level) per item, hours summed in order.
 */
public final class CommitmentCoverageKernel {

    private CommitmentCoverageKernel() {
    }

    /** A checked launch. */
    public record Args(int items, int hours, int levels, double peakUsage, double onDemandPrice,
                       DoubleBuffer usage, DoubleBuffer committedPrices, DoubleBuffer cost,
                       DoubleBuffer unusedUnitHours) {

        public static Args from(KernelLaunch launch) throws KernelException {
            int hours = KernelArgs.intAtLeast(launch, "hours", 1);
            int levels = KernelArgs.intAtLeast(launch, "levels", 2);
            require(launch.size() % levels == 0, launch,
                    "size must be terms * levels but " + launch.size() + " is not a multiple of " + levels);
            int terms = launch.size() / levels;
            DoubleBuffer usage = KernelArgs.input(launch, "usage", DoubleBuffer.class, hours);
            for (int h = 0; h < hours; h++) {
                double value = usage.get(h);
                require(Double.isFinite(value) && value >= 0, launch,
                        "usage[" + h + "] must be a finite number >= 0 but is " + value);
            }
            return new Args(launch.size(), hours, levels, KernelArgs.atLeast(launch, "peakUsage", 0),
                    KernelArgs.atLeast(launch, "onDemandPrice", 0), usage,
                    KernelArgs.input(launch, "committedPrices", DoubleBuffer.class, terms),
                    KernelArgs.output(launch, "cost", DoubleBuffer.class, launch.size()),
                    KernelArgs.output(launch, "unusedUnitHours", DoubleBuffer.class, launch.size()));
        }

        /** The units committed per hour at item {@code i}'s level. */
        public double commitment(int i) {
            return peakUsage * (i % levels) / (levels - 1);
        }
    }

    public static BoundKernel bind(KernelLaunch launch) throws KernelException {
        Args args = Args.from(launch);
        return new BoundKernel() {
            public int items() {
                return args.items();
            }

            public void run(int from, int to) {
                CommitmentCoverageKernel.run(args, from, to);
            }
        };
    }

    public static void run(Args a, int from, int to) {
        for (int i = from; i < to; i++) {
            double committed = a.commitment(i);
            double over = 0;
            double unused = 0;
            for (int h = 0; h < a.hours(); h++) {
                double u = a.usage().get(h);
                over = over + Math.max(u - committed, 0.0);
                unused = unused + Math.max(committed - u, 0.0);
            }
            a.cost().put(i, committed * a.committedPrices().get(i / a.levels()) * a.hours()
                    + over * a.onDemandPrice());
            a.unusedUnitHours().put(i, unused);
        }
    }
}
