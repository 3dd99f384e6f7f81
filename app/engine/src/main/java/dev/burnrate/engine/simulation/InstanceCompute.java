package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;

import java.util.List;
import java.util.Optional;

/**
 * What one instance of an offering computes with: its accelerators (or its CPU), their peak at the precision
 * used, memory and bandwidth, and a note on any assumption made.
 *
 * @param units         accelerators per instance; 1 for a CPU-only instance
 * @param peakTflops    dense peak per unit at {@code precision}
 * @param memoryGb      memory per unit (GB)
 * @param bandwidthGbs  memory bandwidth per unit (GB/s); 0 when unknown (CPU instances)
 * @param source        where the figures come from: the hardware spec's source, or the assumption for a CPU
 */
public record InstanceCompute(HardwareKind kind, String hardware, int units, double peakTflops, Precision precision,
                              double memoryGb, double bandwidthGbs, String note, String source) {

    /** Catalogs give instance memory in GiB, hardware specs and model sizes in GB (10^9 bytes). */
    static final double GB_PER_GIB = 1.073741824;

    private static final List<Precision> FALLBACKS = List.of(Precision.BF16, Precision.FP16, Precision.TF32,
            Precision.FP32);

    /**
     * Resolves an offering against the hardware catalogs. CPU-only offerings have no spec to match (offerings do
     * not name their CPU model), so their peak is {@code vcpus x cpuGflopsPerVcpu}, e.g. from calibration.
     */
    public static Optional<InstanceCompute> of(Offering offering, List<HardwareSpec> specs, Precision wanted,
                                               double cpuGflopsPerVcpu) {
        if (!offering.hasAccelerator()) {
            String vcpus = offering.vcpus() == Math.rint(offering.vcpus()) ? String.valueOf((long) offering.vcpus())
                    : String.valueOf(offering.vcpus());
            String assumption = String.format("CPU peak assumed %.1f GFLOP/s per vCPU (FP32)", cpuGflopsPerVcpu);
            return Optional.of(new InstanceCompute(HardwareKind.CPU, vcpus + " vCPU", 1,
                    offering.vcpus() * cpuGflopsPerVcpu / 1000, Precision.FP32, offering.memoryGib() * GB_PER_GIB, 0,
                    assumption, String.format("%s vCPU and %s GiB (%.1f GB) from the catalog row; %s", vcpus,
                    offering.memoryGib(), offering.memoryGib() * GB_PER_GIB, assumption)));
        }
        Optional<HardwareSpec> spec = specs.stream().filter(s -> s.matches(offering.acceleratorName())).findFirst();
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        HardwareSpec hardware = spec.get();
        Precision used = wanted;
        String note = null;
        if (hardware.peak(wanted) <= 0) {
            used = FALLBACKS.stream().filter(p -> hardware.peak(p) > 0).findFirst().orElse(wanted);
            note = hardware.model() + " publishes no " + wanted + " peak; using " + used;
        }
        return Optional.of(new InstanceCompute(hardware.kind(), hardware.model(), offering.acceleratorCount(),
                hardware.peak(used), used, hardware.memoryGb(), hardware.memoryBandwidthGbs(), note,
                String.format("%s (%s): %.0f GB, %.0f GB/s, %.1f TFLOP/s %s; %s", hardware.model(), hardware.vendor(),
                        hardware.memoryGb(), hardware.memoryBandwidthGbs(), hardware.peak(used), used,
                        hardware.source())));
    }

    public double instancePeakTflops() {
        return units * peakTflops;
    }
}
