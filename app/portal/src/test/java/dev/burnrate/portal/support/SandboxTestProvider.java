package dev.burnrate.portal.support;

import dev.burnrate.api.Availability;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.InventoryItem;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.api.UsageRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory cloud for portal tests, standing in for the built-in AWS plugin: a few real regions and offerings
 * (public AWS list and spot prices, USD per instance-hour, from the SkyPilot project's catalog,
 * skypilot-org/skypilot-catalog, aws v9), resources that run as soon as they are provisioned, idempotent on the
 * request id, and pro-rata hourly metering. {@link #refuseNext} makes the next provision fail like a real refusal.
 */
public class SandboxTestProvider implements CloudProvider {

    private static final ComplianceFacts EU = new ComplianceFacts(true, true, true, true, true);
    private static final ComplianceFacts US = new ComplianceFacts(false, true, true, true, true);
    private static final List<Region> REGIONS = List.of(
            new Region("eu-central-1", "Europe (Frankfurt)", "DE", "EU", EU),
            new Region("eu-north-1", "Europe (Stockholm)", "SE", "EU", EU),
            new Region("eu-west-2", "Europe (London)", "GB", "UK", EU),
            new Region("us-east-1", "US East (N. Virginia)", "US", "US", US));
    private static final List<Offering> OFFERINGS = List.of(
            gpu("p5.48xlarge", "us-east-1", "H100", 8, 192, 2048, 55.04, 17.0252),
            gpu("p5.48xlarge", "eu-north-1", "H100", 8, 192, 2048, 58.8928, 10.5722),
            gpu("p5.48xlarge", "eu-west-2", "H100", 8, 192, 2048, 71.552, 12.4269),
            gpu("g5.12xlarge", "us-east-1", "A10G", 4, 48, 192, 5.672, 2.0453),
            gpu("g5.12xlarge", "eu-central-1", "A10G", 4, 48, 192, 7.09282, 3.1236),
            gpu("g5.12xlarge", "eu-north-1", "A10G", 4, 48, 192, 6.01593, 2.0856),
            gpu("c3.2xlarge", "eu-central-1", null, 0, 8, 15, 0.516, 0.2344),
            gpu("c3.2xlarge", "us-east-1", null, 0, 8, 15, 0.42, 0.1729));

    private record Sandboxed(ProvisionRequest request, Instant started, Instant stopped, ResourceState state) {
    }

    private final Clock clock;
    private final Map<String, Sandboxed> resources = new ConcurrentHashMap<>();
    private final AtomicReference<String> refuseNext = new AtomicReference<>();
    private final AtomicInteger provisionCalls = new AtomicInteger();

    public SandboxTestProvider(Clock clock) {
        this.clock = clock;
    }

    private static Offering gpu(String type, String region, String accelerator, int count, double vcpus,
                                double memory, double onDemand, double spot) {
        return new Offering("aws", type, region, accelerator, count, vcpus, memory, "Amazon Elastic Compute Cloud",
                new Prices(onDemand, spot, null, null, "catalog"));
    }

    /** Offering keys this cloud reports sold out (see {@link #availability}). */
    private final Set<String> soldOut = ConcurrentHashMap.newKeySet();

    /** Reports an offering ({@code aws/region/instanceType}) sold out until {@link #restock()}. */
    public void soldOut(String offeringKey) {
        soldOut.add(offeringKey);
    }

    /** Everything in stock again. */
    public void restock() {
        soldOut.clear();
    }

    @Override
    public Availability availability(Offering offering, Region region) {
        return soldOut.contains(offering.key()) ? Availability.soldOut("no " + offering.instanceType()
                + " capacity in " + region.id()) : Availability.inStock();
    }

    /** The next provision call fails with this message (a provider refusal). */
    public void refuseNext(String message) {
        refuseNext.set(message);
    }

    /** How many provision calls reached this provider (retries included). */
    public int provisionCalls() {
        return provisionCalls.get();
    }

    public int resourceCount() {
        return resources.size();
    }

    @Override
    public String id() {
        return "aws";
    }

    @Override
    public String displayName() {
        return "AWS (test sandbox)";
    }

    @Override
    public List<Region> regions() {
        return REGIONS;
    }

    @Override
    public List<Offering> offerings() {
        return OFFERINGS;
    }

    /** S3 Standard at its public us-east-1 list price (first 50 TB, https://aws.amazon.com/s3/pricing/). */
    @Override
    public List<StorageOffering> storageOfferings() {
        return REGIONS.stream().map(r -> new StorageOffering("aws", "S3 Standard", r.id(), 0.023,
                "Amazon Simple Storage Service", true)).toList();
    }

    @Override
    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        provisionCalls.incrementAndGet();
        String refusal = refuseNext.getAndSet(null);
        if (refusal != null) {
            throw new ProvisioningException(refusal);
        }
        String id = "sbx-" + request.requestId();
        Sandboxed resource = resources.computeIfAbsent(id,
                k -> new Sandboxed(request, clock.instant(), null, ResourceState.RUNNING));
        return status(id, resource);
    }

    @Override
    public ResourceStatus deprovision(String resourceId) throws ProvisioningException {
        return change(resourceId, ResourceState.DELETED);
    }

    @Override
    public ResourceStatus stop(String resourceId) throws ProvisioningException {
        return change(resourceId, ResourceState.STOPPED);
    }

    @Override
    public ResourceStatus status(String resourceId) throws ProvisioningException {
        return status(resourceId, require(resourceId));
    }

    @Override
    public boolean supportsInventory() {
        return true;
    }

    /** Every resource created for a Burnrate request (deleted ones included, as DELETED). */
    @Override
    public List<InventoryItem> inventory() {
        return resources.entrySet().stream()
                .filter(e -> e.getValue().request().tags().containsKey(REQUEST_TAG))
                .map(e -> new InventoryItem(status(e.getKey(), e.getValue()), e.getValue().request().tags()))
                .toList();
    }

    /** The resource ids this cloud holds and has not deleted, for tests to compare with the database. */
    public List<String> liveResourceIds() {
        return resources.entrySet().stream().filter(e -> e.getValue().state() != ResourceState.DELETED)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The state of a resource in this cloud, or {@code null} when it never existed. */
    public ResourceState stateOf(String resourceId) {
        Sandboxed r = resources.get(resourceId);
        return r == null ? null : r.state();
    }

    @Override
    public List<UsageRecord> meter(String resourceId, Instant from, Instant to) throws ProvisioningException {
        Sandboxed r = require(resourceId);
        Instant start = from.isAfter(r.started()) ? from : r.started();
        Instant end = r.stopped() != null && r.stopped().isBefore(to) ? r.stopped() : to;
        double hourly = r.request().offering().prices().forOption(r.request().purchaseOption()) * r.request().count();
        List<UsageRecord> rows = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); ) {
            Instant hourEnd = t.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            Instant periodEnd = hourEnd.isBefore(end) ? hourEnd : end;
            double hours = Duration.between(t, periodEnd).toMillis() / 3_600_000.0;
            double cost = hourly * hours;
            if (StorageOffering.isStorage(r.request().offering())) {
                double gbMonths = hours * r.request().count() / StorageOffering.HOURS_PER_MONTH;
                rows.add(new UsageRecord("sandbox", "sandbox", t, periodEnd, "Usage", r.request().name(), "Standard",
                        cost, cost, cost, cost, "USD", gbMonths, "GB-Month", gbMonths, "GB-Month", "AWS",
                        r.request().offering().serviceName(), "Storage", r.request().offering().regionId(), resourceId,
                        r.request().name(), "Storage Bucket", r.request().offering().instanceType(), r.request().tags()));
                t = periodEnd;
                continue;
            }
            rows.add(new UsageRecord("sandbox", "sandbox", t, periodEnd, "Usage", r.request().name(), "Standard",
                    cost, cost, cost, cost, "USD", hours, "Hours", hours, "Hours", "AWS",
                    r.request().offering().serviceName(), "Compute", r.request().offering().regionId(), resourceId,
                    r.request().name(), "Virtual Machine", r.request().offering().instanceType(), r.request().tags()));
            t = periodEnd;
        }
        return rows;
    }

    private ResourceStatus change(String resourceId, ResourceState state) throws ProvisioningException {
        Sandboxed r = require(resourceId);
        Sandboxed changed = new Sandboxed(r.request(), r.started(), r.stopped() == null ? clock.instant() : r.stopped(),
                state);
        resources.put(resourceId, changed);
        return status(resourceId, changed);
    }

    private Sandboxed require(String resourceId) throws ProvisioningException {
        Sandboxed r = resources.get(resourceId);
        if (r == null) {
            throw new ProvisioningException("no sandbox resource " + resourceId);
        }
        return r;
    }

    private ResourceStatus status(String id, Sandboxed r) {
        return new ResourceStatus(id, r.state(), r.stopped() == null ? r.started() : r.stopped(),
                r.request().count() + " x " + r.request().offering().instanceType() + " (test sandbox)");
    }
}
