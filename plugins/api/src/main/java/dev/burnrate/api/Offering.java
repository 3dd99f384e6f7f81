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
 * @param spotInterruptionsPerHour how often the provider reclaims a spot instance of this offering, per
 *                         instance-hour, from its published interruption figures or its own measurements (see
 *                         {@link #interruptionsPerHourFromMonthlyShare}); {@code null} when
 *                         the provider publishes none, and the simulator then uses the rate the user gives
 *                         (since API 1.1.0)
 */
public record Offering(String providerId, String instanceType, String regionId, String acceleratorName,
                       int acceleratorCount, double vcpus, double memoryGib, String serviceName, Prices prices,
                       Double spotInterruptionsPerHour) {

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
        if (spotInterruptionsPerHour != null
                && (!(spotInterruptionsPerHour >= 0) || Double.isInfinite(spotInterruptionsPerHour))) {
            throw new IllegalArgumentException("spotInterruptionsPerHour must be a finite, non-negative number or null: "
                    + spotInterruptionsPerHour);
        }
    }

    /** An offering whose provider publishes no spot interruption rate (the API 1.0 constructor). */
    public Offering(String providerId, String instanceType, String regionId, String acceleratorName,
                    int acceleratorCount, double vcpus, double memoryGib, String serviceName, Prices prices) {
        this(providerId, instanceType, regionId, acceleratorName, acceleratorCount, vcpus, memoryGib, serviceName,
                prices, null);
    }

    /** This offering with the provider's spot interruption rate per instance-hour (or {@code null}: none). */
    public Offering withSpotInterruptionsPerHour(Double rate) {
        return new Offering(providerId, instanceType, regionId, acceleratorName, acceleratorCount, vcpus, memoryGib,
                serviceName, prices, rate);
    }

    /**
     * The per-hour rate of a provider figure such as "5-10% of spot instances are interrupted in a month" (AWS Spot
     * Instance Advisor's bands): with interruptions arriving at a constant rate r, the share interrupted within a
     * month of 730 hours is {@code 1 - exp(-730 r)}, so {@code r = -ln(1 - share) / 730}.
     *
     * @param share the share of instances interrupted within a month, in [0, 1)
     */
    public static double interruptionsPerHourFromMonthlyShare(double share) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("a monthly interruption share must be in [0, 1): " + share);
        }
        return -Math.log1p(-share) / StorageOffering.HOURS_PER_MONTH;
    }

    /** The inverse of {@link #interruptionsPerHourFromMonthlyShare}: the share interrupted within a month. */
    public static double monthlyShareFromInterruptionsPerHour(double rate) {
        return -Math.expm1(-StorageOffering.HOURS_PER_MONTH * rate);
    }

    /** A key unique across all providers: {@code provider/region/instanceType}. */
    public String key() {
        return providerId + "/" + regionId + "/" + instanceType;
    }

    public boolean hasAccelerator() {
        return acceleratorCount > 0;
    }
}
