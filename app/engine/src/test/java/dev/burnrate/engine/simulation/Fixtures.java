package dev.burnrate.engine.simulation;

import dev.burnrate.api.HardwareKind;
import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Precision;
import dev.burnrate.api.Prices;

import java.util.List;
import java.util.Map;

/** A small catalog: datasheet figures as the hardware plugins publish them, prices shaped like AWS's. */
final class Fixtures {

    static final HardwareSpec H100 = new HardwareSpec("H100", List.of("H100-80GB"), HardwareKind.GPU, "NVIDIA", 80,
            3350, Map.of(Precision.FP32, 67.0, Precision.BF16, 989.5, Precision.FP16, 989.5), 700, 0, "datasheet");
    static final HardwareSpec A10G = new HardwareSpec("A10G", List.of(), HardwareKind.GPU, "NVIDIA", 24, 600,
            Map.of(Precision.FP32, 35.0, Precision.BF16, 70.0, Precision.FP16, 70.0), 300, 0, "datasheet");
    static final HardwareSpec T4 = new HardwareSpec("T4", List.of(), HardwareKind.GPU, "NVIDIA", 16, 320,
            Map.of(Precision.FP32, 8.1, Precision.FP16, 65.0), 70, 0, "datasheet");
    static final List<HardwareSpec> SPECS = List.of(H100, A10G, T4);

    static final Offering P5 = offering("p5.48xlarge", "H100", 8, 192, 2048, 98.32, 35.0, 62.0, 43.0);
    static final Offering G5 = offering("g5.xlarge", "A10G", 1, 4, 16, 1.006, 0.45, 0.63, 0.43);
    static final Offering G4DN = offering("g4dn.xlarge", "T4", 1, 4, 16, 0.526, 0.2, null, null);
    static final Offering C7I = offering("c7i.8xlarge", null, 0, 32, 64, 1.428, 0.6, 0.9, 0.62);
    static final Offering UNKNOWN = offering("x9.metal", "X9000", 4, 64, 512, 20, null, null, null);

    static final double CPU_GFLOPS_PER_VCPU = 50;

    private Fixtures() {
    }

    static Offering offering(String type, String accelerator, int count, double vcpus, double memory, double onDemand,
                             Double spot, Double committed1y, Double committed3y) {
        return new Offering("aws", type, "us-east-1", accelerator, count, vcpus, memory,
                "Amazon Elastic Compute Cloud", new Prices(onDemand, spot, committed1y, committed3y, "test"));
    }
}
