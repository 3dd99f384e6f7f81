package dev.burnrate.engine.usage.synth;

import dev.burnrate.api.Offering;

import java.util.List;
import java.util.Objects;

/**
 * Something the generator can bill for: an instance type in a region at an hourly price. Built from the
 * provider plugins' {@link Offering}s in the portal, or from {@link #defaults()} in tests and benchmarks.
 *
 * @param spotPrice hourly spot price, or null when the offering has none
 */
public record SkuSpec(String provider, String serviceName, String regionId, String instanceType,
                      String acceleratorName, int acceleratorCount, double onDemandPrice, Double spotPrice) {

    public SkuSpec {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(instanceType, "instanceType");
        if (!(onDemandPrice >= 0)) {
            throw new IllegalArgumentException("price must be non-negative: " + onDemandPrice);
        }
    }

    public static SkuSpec from(Offering o) {
        return new SkuSpec(o.providerId(), o.serviceName(), o.regionId(), o.instanceType(), o.acceleratorName(),
                o.acceleratorCount(), o.prices().onDemand(), o.prices().spot());
    }

    public boolean gpu() {
        return acceleratorCount > 0;
    }

    /** FOCUS ServiceCategory: GPU capacity counts as AI and Machine Learning here, the rest as Compute. */
    public String serviceCategory() {
        return gpu() ? "AI and Machine Learning" : "Compute";
    }

    /**
     * A small illustrative catalogue (hourly USD list prices of the kind the public catalogues show; not a price
     * source) so tests and benchmarks run without plugins.
     */
    public static List<SkuSpec> defaults() {
        return List.of(
                new SkuSpec("AWS", "Amazon Elastic Compute Cloud", "us-east-1", "p5.48xlarge", "H100", 8, 98.32, 39.33),
                new SkuSpec("AWS", "Amazon Elastic Compute Cloud", "us-east-1", "p4de.24xlarge", "A100-80GB", 8, 40.97, 16.39),
                new SkuSpec("AWS", "Amazon Elastic Compute Cloud", "eu-west-1", "g5.xlarge", "A10G", 1, 1.123, 0.45),
                new SkuSpec("AWS", "Amazon Elastic Compute Cloud", "eu-west-1", "m7i.2xlarge", null, 0, 0.4464, 0.18),
                new SkuSpec("AWS", "Amazon Elastic Compute Cloud", "us-east-1", "c7i.4xlarge", null, 0, 0.714, 0.29),
                new SkuSpec("Google Cloud", "Compute Engine", "us-central1", "a3-highgpu-8g", "H100", 8, 88.25, 29.0),
                new SkuSpec("Google Cloud", "Compute Engine", "europe-west4", "a2-highgpu-1g", "A100", 1, 4.05, 1.35),
                new SkuSpec("Google Cloud", "Compute Engine", "us-central1", "n2-standard-8", null, 0, 0.3885, 0.09),
                new SkuSpec("Microsoft", "Virtual Machines", "eastus", "Standard_ND96isr_H100_v5", "H100", 8, 98.32, null),
                new SkuSpec("Microsoft", "Virtual Machines", "westeurope", "Standard_NC24ads_A100_v4", "A100", 1, 4.10, 1.47),
                new SkuSpec("Microsoft", "Virtual Machines", "eastus", "Standard_D8s_v5", null, 0, 0.384, 0.077));
    }
}
