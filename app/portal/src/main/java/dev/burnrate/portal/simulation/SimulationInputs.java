package dev.burnrate.portal.simulation;

import dev.burnrate.api.Precision;
import dev.burnrate.engine.simulation.InferenceWorkload;
import dev.burnrate.engine.simulation.TrainingWorkload;
import java.util.List;

/**
 * Everything the simulate form holds, saved with a scenario as JSON so it can be re-run.
 *
 * @param kind       what to simulate
 * @param training   the training run (TRAINING and HYBRID)
 * @param inference  the inference service (INFERENCE and HYBRID)
 * @param candidates which offerings to compare
 */
public record SimulationInputs(Kind kind, Training training, Inference inference, Candidates candidates) {

    public enum Kind { TRAINING, INFERENCE, HYBRID }

    public boolean trains() {
        return kind != Kind.INFERENCE;
    }

    public boolean serves() {
        return kind != Kind.TRAINING;
    }

    /** The training form; {@code effort} is GPU_HOURS (hours on a reference accelerator) or MODEL_FLOPS (6·N·D). */
    public record Training(String effort, double gpuHours, String referenceAccelerator, double parameters,
                           double tokens, double utilisation, Precision precision, int accelerators,
                           double checkpointIntervalHours, double checkpointOverheadHours, double restartHours,
                           double deadlineHours, double deadlineConfidence, double interruptionsPerHour,
                           int maxInterruptions, boolean commitmentReused, int scenarios, long seed) {

        /**
         * A fine-tune that can be met: 2,000 H100-hours on 16 accelerators (two 8-GPU nodes) is 125 h of work, within
         * a one-week deadline with room for checkpoints and spot restarts.
         */
        public static Training defaults() {
            return new Training("GPU_HOURS", 2000, "H100", 7e9, 1e12, 0.4, Precision.BF16, 16, 2, 0.05, 0.5, 168,
                    0.9, 0.02, 1000, false, 50_000, 42);
        }

        public TrainingWorkload toWorkload() {
            TrainingWorkload.Effort e = "MODEL_FLOPS".equals(effort)
                    ? new TrainingWorkload.ModelFlops(parameters, tokens, utilisation)
                    : new TrainingWorkload.GpuHours(gpuHours, referenceAccelerator);
            return new TrainingWorkload(e, precision, accelerators, checkpointIntervalHours, checkpointOverheadHours,
                    restartHours, deadlineHours, deadlineConfidence, interruptionsPerHour, maxInterruptions,
                    commitmentReused, scenarios, seed);
        }
    }

    /**
     * The inference form: the load is a daily cycle between trough and peak over some days, or, when
     * {@code usageLoad} is set, an hourly series read from usage data (then {@code days} and {@code troughRps} are
     * not used, and {@code peakRps} only when the series is scaled to a peak).
     */
    public record Inference(double troughRps, double peakRps, int days, double tokensPerRequest, double parameters,
                            Precision precision, double computeUtilisation, int batch, double utilisationTarget,
                            double spotShare, int minInstances, UsageLoad usageLoad) {

        public static Inference defaults() {
            return new Inference(5, 40, 30, 300, 8e9, Precision.BF16, 0.4, 16, 0.7, 0.5, 1, null);
        }

        /** The workload with the daily cycle as its load curve. */
        public InferenceWorkload toWorkload() {
            if (days < 1 || days > 3 * 366) {
                throw new IllegalArgumentException("days must be between 1 and 1098: " + days);
            }
            if (!(peakRps >= troughRps) || !(troughRps >= 0)) {
                throw new IllegalArgumentException("peak requests/s must be at least the trough, and both >= 0");
            }
            return toWorkload(InferenceWorkload.dailyCurve(troughRps, peakRps, days));
        }

        /** The workload with a given load curve (requests/s per hour). */
        public InferenceWorkload toWorkload(double[] requestsPerSecond) {
            return new InferenceWorkload(requestsPerSecond, tokensPerRequest, parameters, precision,
                    computeUtilisation, batch, utilisationTarget, spotShare, minInstances);
        }
    }

    /**
     * Which offerings to compare: those matching the filter (null fields do not filter), or exactly
     * {@code offeringKeys} when that is not empty. Of those that can run a training job, the {@code maxSimulated}
     * cheapest are simulated (0, as in scenarios saved before the limit existed, means the default).
     */
    public record Candidates(String providerId, String regionId, String accelerator, String jurisdiction,
                             boolean includeCpu, List<String> offeringKeys, int maxSimulated) {

        /** Enough for every GPU offering of one accelerator model across the built-in catalogs. */
        public static final int DEFAULT_MAX_SIMULATED = 60;
        /** More than this makes a Monte Carlo run of minutes and a grid nobody reads. */
        public static final int MAX_SIMULATED = 1000;

        public Candidates {
            offeringKeys = offeringKeys == null ? List.of() : List.copyOf(offeringKeys);
            if (maxSimulated == 0) {
                maxSimulated = DEFAULT_MAX_SIMULATED;
            }
            if (maxSimulated < 1 || maxSimulated > MAX_SIMULATED) {
                throw new IllegalArgumentException("Simulate at most: enter 1 to " + MAX_SIMULATED + " offerings.");
            }
        }

        public boolean matches(SimulationCatalog.Entry entry) {
            var o = entry.offering();
            if (!offeringKeys.isEmpty()) {
                return offeringKeys.contains(o.key());
            }
            return (providerId == null || providerId.equals(o.providerId()))
                    && (regionId == null || regionId.equals(o.regionId()))
                    && (jurisdiction == null || jurisdiction.equals(entry.jurisdiction()))
                    && (o.hasAccelerator() ? accelerator == null || accelerator.equalsIgnoreCase(o.acceleratorName())
                    : includeCpu);
        }
    }

    public static SimulationInputs defaults() {
        return new SimulationInputs(Kind.TRAINING, Training.defaults(), Inference.defaults(),
                new Candidates(null, null, null, null, false, List.of(), Candidates.DEFAULT_MAX_SIMULATED));
    }
}
