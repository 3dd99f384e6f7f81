package dev.burnrate.engine.kernel;

/**
 * A training job on spot capacity, in the terms a user states it, turned into the kernel's
 * {@link SpotTrainingParams} (segments of work between checkpoints) and into the closed-form expectation of the
 * memoryless case that validates the Monte Carlo.
 *
 * @param workHours               uninterrupted wall-clock hours of computation the job needs on this capacity
 * @param checkpointIntervalHours hours of work between checkpoints
 * @param checkpointOverheadHours hours to write one checkpoint
 * @param restartHours            hours from an interruption until work resumes (new capacity, load checkpoint)
 * @param interruptionsPerHour    spot interruption rate (exponential inter-arrival times)
 * @param spotPrice               per hour of the job's whole capacity on spot
 * @param onDemandPrice           per hour of the job's whole capacity on-demand
 * @param deadlineHours           wall-clock deadline, or 0 for none
 * @param fallbackSlackHours      fall back to on-demand when less slack than this would remain after a restart
 * @param maxInterruptions        fall back to on-demand after this many interruptions
 */
public record SpotTrainingPlan(double workHours, double checkpointIntervalHours, double checkpointOverheadHours,
                               double restartHours, double interruptionsPerHour, double spotPrice,
                               double onDemandPrice, double deadlineHours, double fallbackSlackHours,
                               int maxInterruptions) {

    /** More segments than this make no sense (a checkpoint every few seconds of a year-long job). */
    static final long MAX_SEGMENTS = 10_000_000;

    public SpotTrainingPlan {
        positive(workHours, "workHours");
        positive(checkpointIntervalHours, "checkpointIntervalHours");
        nonNegative(checkpointOverheadHours, "checkpointOverheadHours");
        nonNegative(restartHours, "restartHours");
        nonNegative(interruptionsPerHour, "interruptionsPerHour");
        nonNegative(spotPrice, "spotPrice");
        nonNegative(onDemandPrice, "onDemandPrice");
        nonNegative(deadlineHours, "deadlineHours");
        nonNegative(fallbackSlackHours, "fallbackSlackHours");
        if (maxInterruptions < 1) {
            throw new IllegalArgumentException("maxInterruptions must be at least 1: " + maxInterruptions);
        }
        if (Math.ceil(workHours / checkpointIntervalHours) > MAX_SEGMENTS) {
            throw new IllegalArgumentException("checkpointIntervalHours " + checkpointIntervalHours
                    + " splits " + workHours + " hours into more than " + MAX_SEGMENTS + " segments");
        }
    }

    /** Segments of work: full ones of {@code checkpointIntervalHours} and a last one with the rest. */
    public int segments() {
        // A relative tolerance keeps 100 / 4 at 25 segments despite rounding in the division.
        return (int) Math.max(1, Math.ceil(workHours / checkpointIntervalHours * (1 - 1e-12)));
    }

    public double lastSegmentHours() {
        return workHours - (segments() - 1) * checkpointIntervalHours;
    }

    public double segmentHours() {
        return checkpointIntervalHours + checkpointOverheadHours;
    }

    public SpotTrainingParams params(long seed) {
        return new SpotTrainingParams(seed, segments(), segmentHours(), lastSegmentHours(), interruptionsPerHour,
                restartHours, spotPrice, onDemandPrice, deadlineHours, fallbackSlackHours, maxInterruptions);
    }

    /**
     * Expected wall hours without deadline or interruption cap, in closed form. Interruptions are memoryless, so
     * each segment of length T is retried from its checkpoint until it runs T hours uninterrupted: the number of
     * failed attempts is geometric with mean {@code e^(lambda T) - 1}, each costs its truncated-exponential lost
     * time plus the restart, and all of it sums to {@code (e^(lambda T) - 1) (1 / lambda + R)} per segment.
     */
    public double expectedWallHoursMemoryless() {
        double lambda = interruptionsPerHour;
        if (lambda == 0) {
            return (segments() - 1) * segmentHours() + lastSegmentHours();
        }
        double perFailure = 1 / lambda + restartHours;
        return (segments() - 1) * Math.expm1(lambda * segmentHours()) * perFailure
                + Math.expm1(lambda * lastSegmentHours()) * perFailure;
    }

    /** Expected interruptions without deadline or interruption cap: the geometric means summed. */
    public double expectedInterruptionsMemoryless() {
        return (segments() - 1) * Math.expm1(interruptionsPerHour * segmentHours())
                + Math.expm1(interruptionsPerHour * lastSegmentHours());
    }

    private static void positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value);
        }
    }

    private static void nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0: " + value);
        }
    }
}
