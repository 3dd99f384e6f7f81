package dev.burnrate.plugins.keyed;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.ComplianceFacts;
import dev.burnrate.api.Offering;
import dev.burnrate.api.PluginContext;
import dev.burnrate.api.PluginSetting;
import dev.burnrate.api.Prices;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.Region;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import java.time.Instant;
import java.util.List;
import org.pf4j.Extension;

/**
 * "Keyed Cloud": a provider whose price list, like a real cloud's, needs an API key. It declares its settings (an
 * endpoint, the key as a secret, a limit) so the portal renders a form for them and keeps the key encrypted; it
 * reads them through {@link PluginContext#setting} in {@link #init}, which the portal calls again after every save.
 * Without a key it offers nothing. Its one offering is named after the key's fingerprint (see {@link ApiKey}), so
 * a test can see that the key arrived decrypted without the key ever being shown.
 */
@Extension
public class KeyedCloudProvider implements CloudProvider {
    static final String ID = "keyed-cloud";
    static final String ENDPOINT = "endpoint";
    static final String API_KEY = "api-key";
    static final String MAX_INSTANCES = "max-instances";

    private static final Region REGION = new Region("keyed-eu", "Keyed EU (Frankfurt)", "DE", "EU",
            new ComplianceFacts(true, false, true, true, true));

    private volatile List<Offering> offerings = List.of();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Keyed Cloud";
    }

    @Override
    public List<PluginSetting> settings() {
        return List.of(
                PluginSetting.url(ENDPOINT, "API endpoint").asRequired()
                        .withDefault("https://api.keyed-cloud.example/v1")
                        .withDescription("Where Keyed Cloud's price list API answers"),
                PluginSetting.secret(API_KEY, "API key").asRequired()
                        .withDescription("From the Keyed Cloud console; stored encrypted, never shown again"),
                PluginSetting.integer(MAX_INSTANCES, "Instances per request").withDefault("4")
                        .withDescription("The most instances one request may ask for"));
    }

    @Override
    public void init(PluginContext context) {
        var key = context.setting(API_KEY).map(ApiKey::new);
        String endpoint = context.setting(ENDPOINT).orElse("https://api.keyed-cloud.example/v1");
        // log where it connects and which key (by fingerprint), never the key itself
        context.logger().log(System.Logger.Level.INFO, "Keyed Cloud at {0}, {1}", endpoint,
                key.map(k -> "key " + k.fingerprint()).orElse("no API key set: no offerings"));
        offerings = key.map(k -> List.of(new Offering(ID, "keyed-" + k.fingerprint(), REGION.id(), null, 0, 4, 16,
                "Keyed Compute", new Prices(0.12, null, null, null, null))))
                .orElse(List.of());
    }

    @Override
    public List<Region> regions() {
        return List.of(REGION);
    }

    @Override
    public List<Offering> offerings() {
        return offerings;
    }

    @Override
    public ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        throw new ProvisioningException("Keyed Cloud is a settings example: it provisions nothing");
    }

    @Override
    public ResourceStatus deprovision(String resourceId) throws ProvisioningException {
        throw new ProvisioningException("Keyed Cloud has no resource " + resourceId);
    }

    @Override
    public ResourceStatus stop(String resourceId) throws ProvisioningException {
        throw new ProvisioningException("Keyed Cloud has no resource " + resourceId);
    }

    @Override
    public ResourceStatus status(String resourceId) throws ProvisioningException {
        throw new ProvisioningException("Keyed Cloud has no resource " + resourceId);
    }

    @Override
    public List<UsageRecord> meter(String resourceId, Instant from, Instant to) throws ProvisioningException {
        throw new ProvisioningException("Keyed Cloud has no resource " + resourceId);
    }
}
