package dev.burnrate.plugins.sample;

import dev.burnrate.api.Availability;
import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.PluginSetting;
import dev.burnrate.api.PriceList;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * "Sample Cloud": two regions, three machine types, prices invented for the example. Provisioning keeps resources in
 * the portal's state store through {@link PluginContext#store()} (see {@link SampleResources}).
 */
@Extension
public class SampleCloudProvider implements CloudProvider {
    static final String ID = "sample-cloud";
    private static final String SOURCE = "sample list price: 1-year and 3-year terms are 30% and 50% off on-demand";

    private static final List<Region> REGIONS = List.of(
            new Region("sample-eu-ams", "Sample EU (Amsterdam)", "NL", "EU",
                    new ComplianceFacts(true, false, true, true, true)),
            new Region("sample-us-nyc", "Sample US (New York)", "US", "US",
                    new ComplianceFacts(false, true, true, true, false)));

    private static final List<Offering> OFFERINGS = buildOfferings();

    private volatile SampleResources resources;
    private volatile SampleCapacity capacity;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Sample Cloud";
    }

    /** The capacity the sample simulates, set on its settings page (read on every call, so no restart needed). */
    @Override
    public List<PluginSetting> settings() {
        return List.of(
                PluginSetting.string("sold-out", "Sold out")
                        .withDescription("Instance types (or region/instanceType), comma-separated, that have no "
                                + "capacity"),
                PluginSetting.integer("gpu-quota", "GPU quota")
                        .withDescription("How many accelerators may run at once; empty for no quota"));
    }

    @Override
    public void init(PluginContext context) {
        resources = new SampleResources(context, this::findOffering);
        capacity = new SampleCapacity(context, resources);
        context.logger().log(System.Logger.Level.INFO, "Sample Cloud ready: {0} offerings", OFFERINGS.size());
    }

    @Override
    public List<Region> regions() {
        return REGIONS;
    }

    @Override
    public List<Offering> offerings() {
        return OFFERINGS;
    }

    /** Capacity as the sample's settings simulate it (see {@link SampleCapacity}); API 1.3.0. */
    @Override
    public Availability availability(Offering offering, Region region) {
        SampleCapacity current = capacity;
        return current == null ? Availability.unknown("Sample Cloud is not initialised")
                : current.availability(offering, region);
    }

    /** The sample's "price API": this month's list (see {@link SamplePrices}); API 1.3.0. */
    @Override
    public Optional<PriceList> refreshPrices() {
        return Optional.of(SamplePrices.refreshed(OFFERINGS, capacity == null ? Instant.now()
                : capacity.now()));
    }

    @Override
    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        SampleCapacity current = capacity;
        if (current != null) {
            current.check(request);
        }
        return resources().provision(request);
    }

    @Override
    public ResourceStatus deprovision(String resourceId) throws ProvisioningException {
        return resources().deprovision(resourceId);
    }

    @Override
    public ResourceStatus stop(String resourceId) throws ProvisioningException {
        return resources().stop(resourceId);
    }

    @Override
    public ResourceStatus status(String resourceId) throws ProvisioningException {
        return resources().status(resourceId);
    }

    @Override
    public List<UsageRecord> meter(String resourceId, Instant from, Instant to) throws ProvisioningException {
        return resources().meter(resourceId, from, to);
    }

    private SampleResources resources() throws ProvisioningException {
        if (resources == null) {
            throw new ProvisioningException("Sample Cloud is not initialised");
        }
        return resources;
    }

    /** An offering of the sample by its key, or null. */
    static Offering offeringByKey(String key) {
        return OFFERINGS.stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
    }

    /** The region of one of the sample's offerings. */
    static Region region(Offering offering) {
        return REGIONS.stream().filter(r -> r.id().equals(offering.regionId())).findFirst().orElseThrow();
    }

    /** Every offering the sample ships with. */
    static List<Offering> shippedOfferings() {
        return OFFERINGS;
    }

    private Offering findOffering(String key) {
        return OFFERINGS.stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
    }

    private static List<Offering> buildOfferings() {
        List<Offering> list = new ArrayList<>();
        for (Region region : REGIONS) {
            list.add(offering(region, "sample.small", null, 0, 2, 8, 0.05, 0.02));
            list.add(offering(region, "sample.large", null, 0, 16, 64, 0.40, null));
            // Spot interruption figures are optional (API 1.1); this one says 10% of spot H100s are reclaimed in a
            // month, invented like the prices. Offerings without one use the rate the portal's user gives.
            list.add(offering(region, "sample.gpu-h100", "H100", 1, 24, 200, 2.49, 1.20)
                    .withSpotInterruptionsPerHour(Offering.interruptionsPerHourFromMonthlyShare(0.10)));
        }
        return List.copyOf(list);
    }

    private static Offering offering(Region region, String type, String accelerator, int count, double vcpus,
                                     double memory, double onDemand, Double spot) {
        Prices prices = new Prices(onDemand, spot, round(onDemand * 0.7), round(onDemand * 0.5), SOURCE);
        return new Offering(ID, type, region.id(), accelerator, count, vcpus, memory, "Sample Compute", prices);
    }

    private static double round(double price) {
        return Math.round(price * 10_000d) / 10_000d;
    }
}
