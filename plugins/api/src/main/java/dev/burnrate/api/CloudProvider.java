package dev.burnrate.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A cloud: where things can run, what they cost, the compliance facts of each region, and how to create them.
 * Implementations must be thread-safe; the host may call them from several threads at once.
 */
public interface CloudProvider extends BurnrateExtension {

    /** The tag the portal puts on every resource it provisions, holding the request id (see {@link #inventory}). */
    String REQUEST_TAG = "burnrate:request";

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
     * Whether an offering can be created now in its region: in stock, the account's quota used up, or sold out
     * (since API 1.3.0). The portal shows it in the catalog and asks it right before {@link #provision}; when the
     * answer is not available it fails over to the next available offering that fits the request (and still passes
     * the policies). Keep it quick (a cached figure is fine): it is called for every catalog page shown. Plugins
     * built against an older API answer {@link Availability.State#UNKNOWN}, and provisioning simply tries.
     */
    default Availability availability(Offering offering, Region region) {
        return Availability.unknown("the provider does not report capacity");
    }

    /**
     * The version and date of the price catalog the plugin ships, shown in the portal's catalog while no refreshed
     * price list is in effect. Empty by default (the portal then says nothing about its age); a default method, so
     * plugins built without it need no change (since API 1.3.0).
     */
    default Optional<CatalogEdition> catalogEdition() {
        return Optional.empty();
    }

    /**
     * A fresh price list from the provider's price source (a price API, a published file), or empty when it has
     * nothing newer than {@link #offerings()} (since API 1.3.0; empty by default). An administrator triggers it in
     * the portal, which validates the list, applies it whole at its effective date and audits it.
     */
    default Optional<PriceList> refreshPrices() {
        return Optional.empty();
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

    /**
     * True when {@link #inventory} and {@link #statusOfRequest} give real answers (since API 1.2.0). Plugins built
     * against an older API inherit {@code false}, and the portal then neither sweeps their resources nor trusts an
     * empty inventory to mean "nothing there".
     */
    default boolean supportsInventory() {
        return false;
    }

    /**
     * Every resource this provider holds that carries {@link #REQUEST_TAG}, including those it has deleted but still
     * reports (state {@link ResourceState#DELETED}). The portal compares it with its own inventory to find resources
     * it lost track of. Empty by default; only meaningful when {@link #supportsInventory()} is true.
     */
    default List<InventoryItem> inventory() throws ProvisioningException {
        return List.of();
    }

    /**
     * What this provider holds for a portal request id: its resource, or empty when it holds none (a definite
     * answer: nothing was created for that id). The portal asks this when a {@link #provision} call's outcome is
     * unknown (it timed out, or failed unexpectedly). By default it looks the id up in {@link #inventory}; only
     * meaningful when {@link #supportsInventory()} is true.
     */
    default Optional<ResourceStatus> statusOfRequest(String requestId) throws ProvisioningException {
        // A live resource wins over a deleted one left from an earlier attempt.
        return inventory().stream().filter(item -> requestId.equals(item.requestId())).map(InventoryItem::status)
                .min(java.util.Comparator.comparing(status -> status.state() == ResourceState.DELETED));
    }
}
