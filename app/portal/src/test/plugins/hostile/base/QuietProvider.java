package hostile.base;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import java.time.Instant;
import java.util.List;

/** A harmless provider; each hostile plugin overrides the one method where it misbehaves. */
public abstract class QuietProvider implements CloudProvider {

    public String displayName() {
        return "Hostile " + id();
    }

    public List<Region> regions() {
        return List.of(new Region("h-1", "Hostile region", "DE", "EU", new ComplianceFacts(true, true, true, true, true)));
    }

    public List<Offering> offerings() {
        return List.of(new Offering(id(), "h.small", "h-1", null, 0, 2, 8, "Compute",
                new Prices(1.0, null, null, null, null)));
    }

    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        throw new ProvisioningException("full");
    }

    public ResourceStatus deprovision(String id) throws ProvisioningException {
        throw new ProvisioningException("no " + id);
    }

    public ResourceStatus stop(String id) throws ProvisioningException {
        throw new ProvisioningException("no " + id);
    }

    public ResourceStatus status(String id) throws ProvisioningException {
        throw new ProvisioningException("no " + id);
    }

    public List<UsageRecord> meter(String id, Instant from, Instant to) {
        return List.of();
    }
}
