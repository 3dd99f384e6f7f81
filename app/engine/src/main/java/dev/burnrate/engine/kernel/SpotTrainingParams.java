package dev.burnrate.engine.kernel;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelLaunch;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.burnrate.engine.kernel.KernelArgs.atLeast;
import static dev.burnrate.engine.kernel.KernelArgs.intAtLeast;
import static dev.burnrate.engine.kernel.KernelArgs.require;

/**
 * The scalars of {@link dev.burnrate.api.KernelNames#SPOT_TRAINING_MONTE_CARLO}, checked. Build them from a job
 * description with {@link SpotTrainingPlan}; {@link #from(KernelLaunch)} reads them back out of a launch.
 */
public record SpotTrainingParams(long seed, int segments, double segmentHours, double lastSegmentHours,
                                 double interruptionsPerHour, double restartHours, double spotPrice,
                                 double onDemandPrice, double deadlineHours, double fallbackSlackHours,
                                 int maxInterruptions) {

    public static SpotTrainingParams from(KernelLaunch launch) throws KernelException {
        double deadline = launch.doubleScalar("deadlineHours");
        require(!Double.isInfinite(deadline), launch, "deadlineHours must not be infinite (use 0 for none)");
        return new SpotTrainingParams(launch.longScalar("seed"), intAtLeast(launch, "segments", 1),
                atLeast(launch, "segmentHours", Double.MIN_NORMAL),
                atLeast(launch, "lastSegmentHours", Double.MIN_NORMAL),
                atLeast(launch, "interruptionsPerHour", 0), atLeast(launch, "restartHours", 0),
                atLeast(launch, "spotPrice", 0), atLeast(launch, "onDemandPrice", 0), deadline,
                atLeast(launch, "fallbackSlackHours", 0), intAtLeast(launch, "maxInterruptions", 1));
    }

    /** The scalars of a launch, named as in {@code KernelNames}. */
    public Map<String, Number> scalars() {
        Map<String, Number> scalars = new LinkedHashMap<>();
        scalars.put("seed", seed);
        scalars.put("segments", segments);
        scalars.put("segmentHours", segmentHours);
        scalars.put("lastSegmentHours", lastSegmentHours);
        scalars.put("interruptionsPerHour", interruptionsPerHour);
        scalars.put("restartHours", restartHours);
        scalars.put("spotPrice", spotPrice);
        scalars.put("onDemandPrice", onDemandPrice);
        scalars.put("deadlineHours", deadlineHours);
        scalars.put("fallbackSlackHours", fallbackSlackHours);
        scalars.put("maxInterruptions", maxInterruptions);
        return scalars;
    }

    /** {@code 1 / interruptionsPerHour}, the factor every backend applies to {@code -ln(1 - u)}. */
    public double meanHoursBetweenInterruptions() {
        return 1.0 / interruptionsPerHour;
    }

    public boolean hasDeadline() {
        return deadlineHours > 0;
    }
}
