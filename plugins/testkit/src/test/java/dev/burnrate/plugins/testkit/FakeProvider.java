package dev.burnrate.plugins.testkit;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import dev.burnrate.api.StorageOffering;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import java.time.Instant;
import java.util.List;

/** A provider with given facts and no provisioning, for testing the static checks. */
record FakeProvider(String id, List<Region> regions, List<Offering> offerings, List<StorageOffering> storageOfferings)
        implements CloudProvider {

    FakeProvider(String id, List<Region> regions, List<Offering> offerings) {
        this(id, regions, offerings, List.of());
    }


    static final ComplianceFacts FACTS = new ComplianceFacts(true, true, true, true, true);

    static Region region(String id) {
        return new Region(id, "Region " + id, "DE", "EU", FACTS);
    }

    static Offering offering(String provider, String region, String type, Prices prices) {
        return new Offering(provider, type, region, null, 0, 4, 16, "Compute", prices);
    }

    @Override
    public String displayName() {
        return "Fake";
    }

    @Override
    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        throw new ProvisioningException("not supported");
    }

    @Override
    public ResourceStatus deprovision(String resourceId) throws ProvisioningException {
        throw new ProvisioningException("not supported");
    }

    @Override
    public ResourceStatus stop(String resourceId) throws ProvisioningException {
        throw new ProvisioningException("not supported");
    }

    @Override
    public ResourceStatus status(String resourceId) throws ProvisioningException {
        throw new ProvisioningException("not supported");
    }

    @Override
    public List<UsageRecord> meter(String resourceId, Instant from, Instant to) {
        return List.of();
    }
}
