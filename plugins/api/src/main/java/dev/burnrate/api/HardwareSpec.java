package dev.burnrate.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Datasheet figures for one accelerator or CPU.
 *
 * @param model           the canonical model name offerings refer to, e.g. {@code H100}, {@code A100-80GB},
 *                        {@code tpu-v5p}, {@code AMD EPYC 9R14}
 * @param aliases         other names providers use for it (matched case-insensitively), e.g. {@code H100-80GB}
 * @param kind            GPU, TPU, CPU or another ML ACCELERATOR (e.g. AWS Trainium)
 * @param vendor          e.g. NVIDIA, Google, AMD, Intel, AWS
 * @param memoryGb        device memory (accelerators) in GB; 0 for CPUs
 * @param memoryBandwidthGbs memory bandwidth in GB/s
 * @param peakTflops      dense peak throughput per precision in TFLOP/s (TOP/s for INT8); absent = not supported
 * @param tdpWatts        thermal design power in watts
 * @param cores           CPU cores (physical) or 0 for accelerators
 * @param source          where the figures come from (datasheet title and URL)
 */
public record HardwareSpec(String model, List<String> aliases, HardwareKind kind, String vendor, double memoryGb,
                           double memoryBandwidthGbs, Map<Precision, Double> peakTflops, double tdpWatts, int cores,
                           String source) {

    public HardwareSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(source, "source");
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        peakTflops = Map.copyOf(peakTflops == null ? Map.of() : peakTflops);
    }

    /** True if {@code name} is this model or one of its aliases (ignoring case). */
    public boolean matches(String name) {
        if (name == null) {
            return false;
        }
        return model.equalsIgnoreCase(name) || aliases.stream().anyMatch(name::equalsIgnoreCase);
    }

    /** Peak TFLOP/s for a precision, or 0 when the hardware does not support it. */
    public double peak(Precision precision) {
        return peakTflops.getOrDefault(precision, 0.0);
    }
}
