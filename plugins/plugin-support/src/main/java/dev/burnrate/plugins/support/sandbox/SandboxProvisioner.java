package dev.burnrate.plugins.support.sandbox;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.InventoryItem;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.api.UsageRecord;
import dev.burnrate.plugins.support.catalog.ProviderCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Provisioning without a cloud: resources live in the plugin's state store and move through their states on the
 * context's clock. The resource id is derived from the request id, so a retried request finds the resource the
 * first attempt created (idempotency without a separate index that could drift).
 */
public final class SandboxProvisioner {
    private static final String PREFIX = "resource/";

    private final String providerId;
    private final ProviderCatalog catalog;
    private final PluginContext context;
    private final SandboxSettings settings;
    private final UsageMeter meter;
    private final Map<String, Offering> storageByKey;

    public SandboxProvisioner(String providerId, String providerName, ProviderCatalog catalog,
                              PluginContext context) {
        this(providerId, providerName, catalog, List.of(), context);
    }

    /** A sandbox that also creates buckets of the given storage offerings (count = GB). */
    public SandboxProvisioner(String providerId, String providerName, ProviderCatalog catalog,
                              List<StorageOffering> storage, PluginContext context) {
        this.storageByKey = storage.stream().collect(Collectors.toUnmodifiableMap(StorageOffering::key,
                StorageOffering::asOffering));
        this.providerId = providerId;
        this.catalog = catalog;
        this.context = context;
        this.settings = SandboxSettings.from(context);
        this.meter = new UsageMeter(providerId, providerName);
    }

    public synchronized ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        String id = resourceId(request.requestId());
        SandboxResource existing = find(id);
        if (existing != null) {
            if (!existing.offeringKey().equals(request.offering().key()) || existing.count() != request.count()
                    || existing.option() != request.purchaseOption()) {
                throw new ProvisioningException("request id '" + request.requestId()
                        + "' was already used for a different request (" + existing.count() + " x "
                        + existing.offeringKey() + ", " + existing.option() + ")");
            }
            return status(existing);
        }
        Offering offering = validate(request);
        Double unitPrice = offering.prices().forOption(request.purchaseOption());
        Instant now = context.clock().instant();
        Instant provisioningAt = now.plus(settings.requestDelay());
        SandboxResource resource = new SandboxResource(id, request.requestId(), offering.key(),
                offering.instanceType(), offering.regionId(), offering.acceleratorName(), offering.acceleratorCount(),
                request.count(), request.purchaseOption(), unitPrice, offering.prices().onDemand(),
                offering.serviceName(), request.name(), request.tags(), now, provisioningAt,
                provisioningAt.plus(settings.bootTime()), null, null);
        context.store().put(PREFIX + id, resource.serialize());
        context.logger().log(System.Logger.Level.INFO, "sandbox: requested {0} x {1} as {2}", request.count(),
                offering.key(), id);
        return status(resource);
    }

    public synchronized ResourceStatus stop(String resourceId) throws ProvisioningException {
        SandboxResource resource = require(resourceId);
        if (resource.instanceType().startsWith(StorageOffering.INSTANCE_TYPE_PREFIX)) {
            // Stored data is billed until it is deleted; "stopping" a bucket would hide that cost.
            throw new ProvisioningException("bucket " + resourceId + " cannot be stopped; delete it to stop paying");
        }
        ResourceState state = status(resource).state();
        if (state == ResourceState.DELETED) {
            throw new ProvisioningException("resource " + resourceId + " is deleted and cannot be stopped");
        }
        if (state == ResourceState.STOPPED) {
            return status(resource);
        }
        return save(resource.stoppedAt(context.clock().instant()));
    }

    public synchronized ResourceStatus deprovision(String resourceId) throws ProvisioningException {
        SandboxResource resource = require(resourceId);
        if (resource.deletedAt() != null) {
            return status(resource);
        }
        return save(resource.deletedAt(context.clock().instant()));
    }

    public ResourceStatus status(String resourceId) throws ProvisioningException {
        return status(require(resourceId));
    }

    public List<UsageRecord> meter(String resourceId, Instant from, Instant to) throws ProvisioningException {
        if (from == null || to == null || to.isBefore(from)) {
            throw new ProvisioningException("metering needs from <= to, got " + from + " .. " + to);
        }
        Instant now = context.clock().instant();
        return meter.meter(require(resourceId), from, to.isAfter(now) ? now : to);
    }

    /** Every resource of this sandbox that a Burnrate request created (deleted ones included, as DELETED). */
    public synchronized List<InventoryItem> inventory() {
        return context.store().list(PREFIX).values().stream().map(SandboxResource::parse)
                .filter(r -> r.tags().containsKey(CloudProvider.REQUEST_TAG))
                .map(r -> new InventoryItem(status(r), r.tags())).toList();
    }

    /** The resource created for a request id, found directly: its id is derived from the request id. */
    public synchronized Optional<ResourceStatus> statusOfRequest(String requestId) {
        return Optional.ofNullable(find(resourceId(requestId))).map(this::status);
    }

    private Offering validate(ProvisionRequest request) throws ProvisioningException {
        Offering requested = request.offering();
        if (!providerId.equals(requested.providerId())) {
            throw new ProvisioningException("offering " + requested.key() + " belongs to provider '"
                    + requested.providerId() + "', not '" + providerId + "'");
        }
        // The catalog's own offering decides the price, never the copy in the request.
        Offering catalogued = StorageOffering.isStorage(requested) ? storageByKey.get(requested.key())
                : catalog.offering(requested.key()).orElse(null);
        if (catalogued == null) {
            throw new ProvisioningException("no offering " + requested.key() + " in the " + providerId + " catalog");
        }
        Offering offering = catalogued;
        if (offering.prices().forOption(request.purchaseOption()) == null) {
            throw new ProvisioningException(offering.instanceType() + " in " + offering.regionId()
                    + " cannot be bought as " + request.purchaseOption());
        }
        // For a bucket the count is its capacity in GB, not a number of machines.
        if (!StorageOffering.isStorage(offering) && request.count() > settings.maxInstances()) {
            throw new ProvisioningException("at most " + settings.maxInstances() + " instances per request in the sandbox");
        }
        Region region = catalog.region(offering.regionId()).orElseThrow();
        if (request.encrypted() && !(region.compliance().encryptionAtRest()
                && region.compliance().encryptionInTransit())) {
            throw new ProvisioningException("region " + region.id() + " does not offer encryption at rest and in transit");
        }
        if (request.privateNetwork() && !region.compliance().privateNetworking()) {
            throw new ProvisioningException("region " + region.id() + " does not offer private networking");
        }
        return offering;
    }

    private ResourceStatus save(SandboxResource resource) {
        context.store().put(PREFIX + resource.id(), resource.serialize());
        return status(resource);
    }

    private ResourceStatus status(SandboxResource resource) {
        Timeline.Event event = resource.timeline().at(context.clock().instant());
        String what = resource.instanceType().startsWith(StorageOffering.INSTANCE_TYPE_PREFIX)
                ? resource.count() + " GB bucket, "
                + resource.instanceType().substring(StorageOffering.INSTANCE_TYPE_PREFIX.length())
                : resource.count() + " x " + resource.instanceType();
        return new ResourceStatus(resource.id(), event.state(), event.at(), what + " in " + resource.regionId()
                + " (sandbox)");
    }

    private SandboxResource require(String resourceId) throws ProvisioningException {
        SandboxResource resource = resourceId == null ? null : find(resourceId);
        if (resource == null) {
            throw new ProvisioningException("no sandbox resource '" + resourceId + "' at " + providerId);
        }
        return resource;
    }

    private SandboxResource find(String resourceId) {
        return context.store().get(PREFIX + resourceId).map(SandboxResource::parse).orElse(null);
    }

    /** {@code <provider>-<first 16 hex digits of SHA-256(requestId)>}: stable across retries and restarts. */
    String resourceId(String requestId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            return providerId + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
