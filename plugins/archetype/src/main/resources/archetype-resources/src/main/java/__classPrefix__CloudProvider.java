package ${package};

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * A cloud provider: its regions, offerings with prices, and provisioning that keeps its resources in the portal's
 * state store ({@link ${classPrefix}Resources}). Replace the invented regions, machine types and prices with your
 * cloud's, and the state-store bookkeeping with calls to its API.
 */
@Extension
public class ${classPrefix}CloudProvider implements CloudProvider {
    /** Lower-case letters, digits and dashes; unique among the portal's providers. */
    static final String ID = "${artifactId}";
    static final String DISPLAY_NAME = "${classPrefix} Cloud";
    private static final String SOURCE = "list price: 1-year and 3-year terms are 30% and 50% off on-demand";

    private static final List<Region> REGIONS = List.of(
            new Region(ID + "-eu-1", "EU (Frankfurt)", "DE", "EU", new ComplianceFacts(true, false, true, true, true)),
            new Region(ID + "-us-1", "US (Virginia)", "US", "US", new ComplianceFacts(false, true, true, true, false)));

    private static final List<Offering> OFFERINGS = buildOfferings();

    private volatile ${classPrefix}Resources resources;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public void init(PluginContext context) {
        resources = new ${classPrefix}Resources(context, this::findOffering);
    }

    @Override
    public List<Region> regions() {
        return REGIONS;
    }

    @Override
    public List<Offering> offerings() {
        return OFFERINGS;
    }

    @Override
    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
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

    private ${classPrefix}Resources resources() throws ProvisioningException {
        if (resources == null) {
            throw new ProvisioningException(DISPLAY_NAME + " is not initialised");
        }
        return resources;
    }

    private Offering findOffering(String key) {
        return OFFERINGS.stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
    }

    private static List<Offering> buildOfferings() {
        List<Offering> list = new ArrayList<>();
        for (Region region : REGIONS) {
            list.add(offering(region, "cpu.small", null, 0, 2, 8, 0.05, 0.02));
            // Name accelerators as the portal's hardware catalogs do (H100, A100-80GB, ...), so the catalog can
            // join the offering to its datasheet figures.
            list.add(offering(region, "gpu.h100", "H100", 1, 24, 200, 2.49, 1.20));
        }
        return List.copyOf(list);
    }

    private static Offering offering(Region region, String type, String accelerator, int count, double vcpus,
                                     double memory, double onDemand, Double spot) {
        Prices prices = new Prices(onDemand, spot, round(onDemand * 0.7), round(onDemand * 0.5), SOURCE);
        return new Offering(ID, type, region.id(), accelerator, count, vcpus, memory, DISPLAY_NAME + " Compute",
                prices);
    }

    private static double round(double price) {
        return Math.round(price * 10_000d) / 10_000d;
    }
}
