package dev.burnrate.engine.simulation;

import dev.burnrate.api.Precision;

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

    /** Whether the weights fit the instance's memory. */
    static boolean fits(InferenceWorkload w, InstanceCompute c) {
        return w.parameters() * bytesPerParameter(w.precision())
                <= WEIGHT_SHARE_OF_MEMORY * c.units() * c.memoryGb() * 1e9;
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
