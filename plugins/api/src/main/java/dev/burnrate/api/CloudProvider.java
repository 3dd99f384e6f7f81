package dev.burnrate.api;

import java.time.Instant;
import java.util.List;

/**
 * A cloud: where things can run, what they cost, the compliance facts of each region, and how to create them.
 * Implementations must be thread-safe; the host may call them from several threads at once.
 */
public interface CloudProvider extends BurnrateExtension {

    /** Every region this provider offers, with jurisdiction and compliance facts. */
    List<Region> regions();

    /** Every offering (instance type in a region) with its prices. Each offering's region is in {@link #regions()}. */
    List<Offering> offerings();

    /**
     * Object storage this provider sells, one entry per storage class and region (each region in
     * {@link #regions()}). None by default, so providers without storage need no change. A storage request reaches
     * {@link #provision} as described in {@link StorageOffering}.
     */
    default List<StorageOffering> storageOfferings() {
        return List.of();
    }

    /**
     * Starts creating a resource. Must be idempotent on {@link ProvisionRequest#requestId()}: a retry with the same
     * id returns the resource created the first time instead of creating a second one.
     *
     * @throws ProvisioningException when the provider refuses or fails; nothing must be left running then
     */
    ResourceStatus provision(ProvisionRequest request) throws ProvisioningException;

    /** Stops and removes a resource; a no-op for a resource already deleted. */
    ResourceStatus deprovision(String resourceId) throws ProvisioningException;

    /** Stops a resource without deleting it (billing for compute stops). */
    ResourceStatus stop(String resourceId) throws ProvisioningException;

    /** The current state of a resource. */
    ResourceStatus status(String resourceId) throws ProvisioningException;

    /**
     * What a resource consumed in {@code [from, to)}, as FOCUS-shaped rows (one per hour or part of an hour in
     * which it ran), priced at the offering's price for the purchase option it was created with.
     */
    List<UsageRecord> meter(String resourceId, Instant from, Instant to) throws ProvisioningException;
}
