package testplugin.slowstart;

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
import java.util.List;
import org.pf4j.Extension;

@Extension
public class SlowStartProvider implements CloudProvider {
    private PluginContext context;

    public String id() {
        return "slowstart";
    }

    public String displayName() {
        return "Good Cloud";
    }

    public void init(PluginContext context) {
        this.context = context;
    }

    public List<Region> regions() {
        String name = context.setting("region-name").orElse("Test region");
        return List.of(new Region("t-1", name, "DE", "EU", new ComplianceFacts(true, true, true, true, true)));
    }

    public List<Offering> offerings() {
        return List.of(new Offering("slowstart", "t.small", "t-1", null, 0, 2, 8, "Compute",
                new Prices(1.0, null, null, null, null)));
    }

    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        throw new ProvisioningException("the good cloud is full");
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
