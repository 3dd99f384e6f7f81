package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.burnrate.engine.kernel.KernelArgs.atLeast;
import static dev.burnrate.engine.kernel.KernelArgs.between;
import static dev.burnrate.engine.kernel.KernelArgs.intAtLeast;
import static dev.burnrate.engine.kernel.KernelArgs.require;

/**
 * The scalars of {@link dev.burnrate.api.KernelNames#SPOT_TRAINING_MONTE_CARLO}, checked. Build them from a job
 * description with {@link SpotTrainingPlan}; {@link #from(KernelLaunch)} reads them back out of a launch.
 */
public record SpotTrainingParams(long seed, int segments, double segmentHours, double lastSegmentHours,
                                 long segmentFailThreshold, long lastSegmentFailThreshold,
                                 double segmentFailProbability, double lastSegmentFailProbability,
                                 double interruptionsPerHour, double restartHours, double spotPrice,
                                 double onDemandPrice, double deadlineHours, double fallbackSlackHours,
                                 int maxInterruptions) {

    static final long MAX_THRESHOLD = 1L << 53;

    public static SpotTrainingParams from(KernelLaunch launch) throws KernelException {
        long segmentThreshold = launch.longScalar("segmentFailThreshold");
        long lastThreshold = launch.longScalar("lastSegmentFailThreshold");
        require(segmentThreshold >= 0 && segmentThreshold <= MAX_THRESHOLD, launch,
                "segmentFailThreshold must be in [0, 2^53] but is " + segmentThreshold);
        require(lastThreshold >= 0 && lastThreshold <= MAX_THRESHOLD, launch,
                "lastSegmentFailThreshold must be in [0, 2^53] but is " + lastThreshold);
        double rate = atLeast(launch, "interruptionsPerHour", 0);
        require(rate > 0 || (segmentThreshold == 0 && lastThreshold == 0), launch,
                "interruptionsPerHour must be > 0 when a fail threshold is > 0");
        double deadline = launch.doubleScalar("deadlineHours");
        require(!Double.isInfinite(deadline), launch, "deadlineHours must not be infinite (use 0 for none)");
        double segmentHours = atLeast(launch, "segmentHours", Double.MIN_NORMAL);
        double lastHours = atLeast(launch, "lastSegmentHours", Double.MIN_NORMAL);
        return new SpotTrainingParams(launch.longScalar("seed"), intAtLeast(launch, "segments", 1),
                segmentHours, lastHours, segmentThreshold, lastThreshold,
                between(launch, "segmentFailProbability", 0, 1),
                between(launch, "lastSegmentFailProbability", 0, 1), rate,
                atLeast(launch, "restartHours", 0), atLeast(launch, "spotPrice", 0),
                atLeast(launch, "onDemandPrice", 0), deadline, atLeast(launch, "fallbackSlackHours", 0),
                intAtLeast(launch, "maxInterruptions", 1));
    }

    /** The scalars of a launch, named as in {@code KernelNames}. */
    public Map<String, Number> scalars() {
        Map<String, Number> scalars = new LinkedHashMap<>();
        scalars.put("seed", seed);
        scalars.put("segments", segments);
        scalars.put("segmentHours", segmentHours);
        scalars.put("lastSegmentHours", lastSegmentHours);
        scalars.put("segmentFailThreshold", segmentFailThreshold);
        scalars.put("lastSegmentFailThreshold", lastSegmentFailThreshold);
        scalars.put("segmentFailProbability", segmentFailProbability);
        scalars.put("lastSegmentFailProbability", lastSegmentFailProbability);
        scalars.put("interruptionsPerHour", interruptionsPerHour);
        scalars.put("restartHours", restartHours);
        scalars.put("spotPrice", spotPrice);
        scalars.put("onDemandPrice", onDemandPrice);
        scalars.put("deadlineHours", deadlineHours);
        scalars.put("fallbackSlackHours", fallbackSlackHours);
        scalars.put("maxInterruptions", maxInterruptions);
        return scalars;
    }

    /** Uninterrupted hours from the start of segment {@code segment} to the end of the job. */
    public double remainingHours(int segment) {
        return (double) (segments - 1 - segment) * segmentHours + lastSegmentHours;
    }

    public boolean hasDeadline() {
        return deadlineHours > 0;
    }
}
