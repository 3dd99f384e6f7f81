package dev.burnrate.api;

import java.util.Objects;

/**
 * One way to rent object storage: a storage class in a region, priced per GB-month (e.g. S3 Standard in
 * {@code us-east-1}).
 *
 * <p>How a storage request reaches {@link CloudProvider#provision}: the host sends an ordinary
 * {@link ProvisionRequest} whose {@code offering} is {@link #asOffering()} and whose {@code count} is the capacity
 * in GB. {@link #asOffering()} prices one GB for one hour ({@code pricePerGbMonth / }{@value #HOURS_PER_MONTH}), so
 * the usual "price x count x hours" arithmetic of estimators and meters gives GB-months pro-rated per hour. Such an
 * offering is recognised by {@link #isStorage(Offering)}; storage is only sold on demand.
 *
 * @param providerId      the {@link CloudProvider#id()} offering it
 * @param storageClass    the provider's name of the class, e.g. {@code S3 Standard}
 * @param regionId        a {@link Region#id()} of the same provider
 * @param pricePerGbMonth list price in USD per GB-month
 * @param serviceName     the billing service, e.g. {@code Amazon Simple Storage Service}
 * @param encryptedAtRest whether data is encrypted at rest in this region
 */
public record StorageOffering(String providerId, String storageClass, String regionId, double pricePerGbMonth,
                              String serviceName, boolean encryptedAtRest) {

    /** Hours in a billing month as the providers count them (730 = 8760 / 12). */
    public static final int HOURS_PER_MONTH = 730;
    /** {@link Offering#instanceType()} of a storage offering starts with this. */
    public static final String INSTANCE_TYPE_PREFIX = "storage:";

    public StorageOffering {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(serviceName, "serviceName");
        if (!(pricePerGbMonth >= 0) || Double.isInfinite(pricePerGbMonth)) {
            throw new IllegalArgumentException("pricePerGbMonth must be a finite, non-negative number: "
                    + pricePerGbMonth);
        }
    }

    /** This class as an {@link Offering} priced per GB-hour on demand; see the class comment. */
    public Offering asOffering() {
        return new Offering(providerId, INSTANCE_TYPE_PREFIX + storageClass, regionId, null, 0, 0, 0, serviceName,
                new Prices(pricePerGbMonth / HOURS_PER_MONTH, null, null, null, "catalog"));
    }

    /** A key unique across all providers, equal to {@code asOffering().key()}. */
    public String key() {
        return providerId + "/" + regionId + "/" + INSTANCE_TYPE_PREFIX + storageClass;
    }

    /** Whether an offering stands for storage (made by {@link #asOffering()}); count is then GB. */
    public static boolean isStorage(Offering offering) {
        return offering.instanceType().startsWith(INSTANCE_TYPE_PREFIX);
    }

    /**
     * The storage class an instance type made by {@link #asOffering()} stands for, or {@code null} when the instance
     * type is compute (since API 1.1).
     */
    public static String storageClassOf(String instanceType) {
        return instanceType.startsWith(INSTANCE_TYPE_PREFIX) ? instanceType.substring(INSTANCE_TYPE_PREFIX.length())
                : null;
    }
}
