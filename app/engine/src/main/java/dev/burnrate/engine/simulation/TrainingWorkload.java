package dev.burnrate.engine.simulation;

import dev.burnrate.api.Precision;

import java.util.Objects;

/**
 * A training run to price.
 *
 * @param effort                  how much computing it needs
 * @param precision               the number format it trains in (peaks are scaled at this precision)
 * @param accelerators            accelerators working in parallel (GPU/TPU offerings get enough instances to hold
 *                                them); on CPU-only offerings, the number of instances
 * @param checkpointIntervalHours hours of work between checkpoints
 * @param checkpointOverheadHours hours to write one checkpoint
 * @param restartHours            hours from an interruption until training resumes
 * @param deadlineHours           wall-clock deadline, 0 for none
 * @param deadlineConfidence      probability of meeting the deadline an option needs to be recommended, e.g. 0.9
 * @param interruptionsPerHour    spot interruptions per instance-hour for offerings whose provider publishes no rate
 *                                ({@link dev.burnrate.api.Offering#spotInterruptionsPerHour()}); a run on n instances
 *                                stops at any of them, so it sees n times the rate
 * @param maxInterruptions        after this many interruptions the run falls back to on-demand
 * @param commitmentReused        true when a 1- or 3-year commitment is used by other work after this run, so only
 *                                the run's hours count; false charges the whole term
 * @param scenarios               Monte Carlo scenarios per spot option
 * @param seed                    seed of the counter-based random numbers
 */
public record TrainingWorkload(Effort effort, Precision precision, int accelerators, double checkpointIntervalHours,
                               double checkpointOverheadHours, double restartHours, double deadlineHours,
                               double deadlineConfidence, double interruptionsPerHour, int maxInterruptions,
                               boolean commitmentReused, int scenarios, long seed) {

    public TrainingWorkload {
        Objects.requireNonNull(effort, "effort");
        Objects.requireNonNull(precision, "precision");
        if (accelerators < 1) {
            throw new IllegalArgumentException("accelerators must be at least 1: " + accelerators);
        }
        if (!(deadlineConfidence > 0 && deadlineConfidence <= 1)) {
            throw new IllegalArgumentException("deadlineConfidence must be in (0, 1]: " + deadlineConfidence);
        }
        if (scenarios < 1 || scenarios > 10_000_000) {
            throw new IllegalArgumentException("scenarios must be in [1, 10000000]: " + scenarios);
        }
        if (!(deadlineHours >= 0)) {
            throw new IllegalArgumentException("deadlineHours must be >= 0 (0: no deadline): " + deadlineHours);
        }
    }

    /** How much computing a run needs. */
    public sealed interface Effort permits GpuHours, ModelFlops {
    }

    /**
     * Accelerator-hours measured on a reference accelerator; another accelerator needs them scaled by the ratio
     * of peak throughputs at the workload's precision (same utilisation assumed).
     */
    public record GpuHours(double hours, String referenceAccelerator) implements Effort {
        public GpuHours {
            if (!(hours > 0) || Double.isInfinite(hours)) {
                throw new IllegalArgumentException("GPU-hours must be a positive number: " + hours);
            }
            Objects.requireNonNull(referenceAccelerator, "referenceAccelerator");
        }
    }

    /**
     * Model size and training tokens: {@code 6 N D} floating-point operations (forward and backward pass), run at
     * {@code utilisation} of each accelerator's peak (model FLOP utilisation, typically 0.3 to 0.5).
     */
    public record ModelFlops(double parameters, double tokens, double utilisation) implements Effort {
        public ModelFlops {
            if (!(parameters > 0) || !(tokens > 0)) {
                throw new IllegalArgumentException("parameters and tokens must be positive");
            }
            if (!(utilisation > 0 && utilisation <= 1)) {
                throw new IllegalArgumentException("utilisation must be in (0, 1]: " + utilisation);
            }
        }

        public double flops() {
            return 6 * parameters * tokens;
        }
    }

    public boolean hasDeadline() {
        return deadlineHours > 0;
    }
}
