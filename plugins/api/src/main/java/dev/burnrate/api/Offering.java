package dev.burnrate.api;

import java.util.Objects;

/**
 * One way to rent capacity: an instance type in a region, with its prices.
 *
 * @param providerId       the {@link CloudProvider#id()} offering it
 * @param instanceType     the provider's name, e.g. {@code p5.48xlarge}
 * @param regionId         a {@link Region#id()} of the same provider
 * @param acceleratorName  the accelerator's model as the hardware catalogs name it (e.g. {@code H100},
 *                         {@code A100-80GB}, {@code tpu-v5p}), or {@code null} for CPU-only offerings
 * @param acceleratorCount accelerators per instance (0 for CPU-only)
 * @param vcpus            virtual CPUs per instance
 * @param memoryGib        main memory per instance in GiB
 * @param serviceName      the billing service, e.g. {@code Amazon Elastic Compute Cloud}
 * @param prices           hourly prices per purchase option
 */
public record Offering(String providerId, String instanceType, String regionId, String acceleratorName,
                       int acceleratorCount, double vcpus, double memoryGib, String serviceName, Prices prices) {

    public Offering {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(prices, "prices");
        if (acceleratorCount < 0) {
            throw new IllegalArgumentException("acceleratorCount must not be negative: " + acceleratorCount);
        }
        if (acceleratorCount > 0 && acceleratorName == null) {
            throw new IllegalArgumentException("acceleratorName is required when acceleratorCount > 0");
        }
    }

    /** A key unique across all providers: {@code provider/region/instanceType}. */
    public String key() {
        return providerId + "/" + regionId + "/" + instanceType;
    }

    public boolean hasAccelerator() {
        return acceleratorCount > 0;
    }
}
