package dev.burnrate.plugins.support.provider;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.InventoryItem;
import dev.burnrate.api.Offering;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import dev.burnrate.plugins.support.sandbox.SandboxProvisioner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link CloudProvider} whose offerings come from a bundled price catalog and whose provisioning is the
 * {@link SandboxProvisioner}. Subclasses say how to build their catalog; it is built once, on first use.
 */
public abstract class CatalogCloudProvider implements CloudProvider {
    private volatile ProviderCatalog catalog;
    private volatile SandboxProvisioner provisioner;

    /** Builds the catalog from the plugin's resources; called once. */
    protected abstract ProviderCatalog loadCatalog();

    /** The provider's name as FOCUS {@code ProviderName}, e.g. {@code Amazon Web Services}. */
    protected abstract String focusProviderName();

    /**
     * The provider's standard object-storage class and its flat list price per GB-month, or {@code null} when the
     * plugin sells no storage. Every region of the catalog then offers that class at that price.
     */
    protected StorageClass storageClass() {
        return null;
    }

    /** A storage class with one flat public list price (see the plugin's SOURCES.md for where it comes from). */
    public record StorageClass(String name, double pricePerGbMonth, String serviceName) {
    }

    @Override
    public void init(PluginContext context) {
        ProviderCatalog loaded = catalog();
        context.logger().log(System.Logger.Level.INFO, "{0}: {1} offerings in {2} regions; {3}", id(),
                loaded.offerings().size(), loaded.regions().size(), loaded.report().summary());
        this.provisioner = new SandboxProvisioner(id(), focusProviderName(), loaded, storageOfferings(), context);
    }

    /** The catalog, built on first use (thread-safe). */
    public final ProviderCatalog catalog() {
        ProviderCatalog result = catalog;
        if (result == null) {
            synchronized (this) {
                result = catalog;
                if (result == null) {
                    result = loadCatalog();
                    catalog = result;
                }
            }
        }
        return result;
    }

    @Override
    public List<Region> regions() {
        return catalog().regions();
    }

    @Override
    public List<Offering> offerings() {
        return catalog().offerings();
    }

    @Override
    public List<StorageOffering> storageOfferings() {
        StorageClass storage = storageClass();
        if (storage == null) {
            return List.of();
        }
        return regions().stream().map(r -> new StorageOffering(id(), storage.name(), r.id(),
                storage.pricePerGbMonth(), storage.serviceName(), r.compliance().encryptionAtRest())).toList();
    }

    @Override
    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        return provisioner().provision(request);
    }

    @Override
    public ResourceStatus deprovision(String resourceId) throws ProvisioningException {
        return provisioner().deprovision(resourceId);
    }

    @Override
    public ResourceStatus stop(String resourceId) throws ProvisioningException {
        return provisioner().stop(resourceId);
    }

    @Override
    public ResourceStatus status(String resourceId) throws ProvisioningException {
        return provisioner().status(resourceId);
    }

    @Override
    public List<UsageRecord> meter(String resourceId, Instant from, Instant to) throws ProvisioningException {
        return provisioner().meter(resourceId, from, to);
    }

    @Override
    public boolean supportsInventory() {
        return true;
    }

    @Override
    public List<InventoryItem> inventory() throws ProvisioningException {
        return provisioner().inventory();
    }

    @Override
    public Optional<ResourceStatus> statusOfRequest(String requestId) throws ProvisioningException {
        return provisioner().statusOfRequest(requestId);
    }

    private SandboxProvisioner provisioner() throws ProvisioningException {
        SandboxProvisioner result = provisioner;
        if (result == null) {
            throw new ProvisioningException(id() + " is not initialised: the host must call init(context) first");
        }
        return result;
    }
}
