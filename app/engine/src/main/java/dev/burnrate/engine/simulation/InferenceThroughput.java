package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.Precision;

import java.util.Locale;

/**
 * Decode throughput of one instance from datasheet figures, by the roofline: each generated token needs
 * {@code 2 N} FLOP, and each pass over the weights ({@code N x bytes per parameter}) serves a batch of tokens. The
 * model is sharded over the instance's accelerators (tensor parallel), so both bounds scale with their number.
 */
final class InferenceThroughput {

    /** Weights may take this share of memory; the rest holds the KV cache and activations. */
    static final double WEIGHT_SHARE_OF_MEMORY = 0.8;

    private InferenceThroughput() {
    }

    static double bytesPerParameter(Precision precision) {
        return switch (precision) {
            case FP64 -> 8;
            case FP32, TF32 -> 4;
            case BF16, FP16 -> 2;
            case FP8, INT8 -> 1;
        };
    }

    /** The model's weights in GB (10^9 bytes) at the serving precision. */
    static double weightsGb(InferenceWorkload w) {
        return w.parameters() * bytesPerParameter(w.precision()) / 1e9;
    }

    /** Memory (GB) the weights may take on one instance: a share of all its units' memory. */
    static double usableForWeightsGb(InstanceCompute c) {
        return WEIGHT_SHARE_OF_MEMORY * c.units() * c.memoryGb();
    }

    /** Whether the weights fit the memory an instance leaves for them. */
    static boolean fits(InferenceWorkload w, InstanceCompute c) {
        return weightsGb(w) <= usableForWeightsGb(c);
    }

    /**
     * Why the weights do not fit, comparing them with the memory usable for them (not the whole memory): an
     * accelerated instance has too few accelerators, a CPU instance too little memory.
     */
    static String whyNotFits(InferenceWorkload w, InstanceCompute c) {
        double weights = weightsGb(w);
        String share = String.format(Locale.ROOT, "%.0f%%", 100 * WEIGHT_SHARE_OF_MEMORY);
        if (c.kind() != HardwareKind.CPU) {
            int needed = (int) Math.ceil(weights / (WEIGHT_SHARE_OF_MEMORY * c.memoryGb()));
            return String.format(Locale.ROOT, "too few accelerators: the model's weights (%.1f GB at %s) need at"
                            + " least %d x %s (%s of each %.0f GB holds weights, the rest the KV cache and"
                            + " activations); the instance has %d", weights, w.precision(), needed, c.hardware(), share,
                    c.memoryGb(), c.units());
        }
        return String.format(Locale.ROOT, "too little memory: the model's weights (%.1f GB at %s) exceed the %.1f GB"
                        + " usable for them (%s of the instance's %.1f GB; the rest holds the KV cache, activations and"
                        + " the operating system)", weights, w.precision(), usableForWeightsGb(c), share,
                c.units() * c.memoryGb());
    }

    /** Tokens per second of one instance: the lower of the compute and the memory-bandwidth bound. */
    static double tokensPerSecond(InferenceWorkload w, InstanceCompute c) {
        double compute = c.peakTflops() * 1e12 * w.computeUtilisation() / (2 * w.parameters());
        double memory = c.bandwidthGbs() > 0
                ? c.bandwidthGbs() * 1e9 * w.batch() / (w.parameters() * bytesPerParameter(w.precision()))
                : Double.POSITIVE_INFINITY;
        return c.units() * Math.min(compute, memory);
    }

    static boolean memoryBound(InferenceWorkload w, InstanceCompute c) {
        double compute = c.peakTflops() * 1e12 * w.computeUtilisation() / (2 * w.parameters());
        return c.bandwidthGbs() > 0
                && c.bandwidthGbs() * 1e9 * w.batch() / (w.parameters() * bytesPerParameter(w.precision())) < compute;
    }
}
