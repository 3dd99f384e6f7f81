package dev.burnrate.portal.provisioning;

import dev.burnrate.api.CloudProvider;
import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.portal.plugin.PriceLists;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Read access to the providers' regions and offerings for forms and policy inputs. */
@Component
public class ProviderCatalog {

    private final CloudProviders providers;
    private final ProviderCalls calls;
    private final PriceLists priceLists;

    public ProviderCatalog(CloudProviders providers, ProviderCalls calls, PriceLists priceLists) {
        this.providers = providers;
        this.calls = calls;
        this.priceLists = priceLists;
    }

    public record ProviderOption(String id, String name) {
    }

    public List<ProviderOption> providers() {
        return providers.all().stream().map(p -> new ProviderOption(p.id(), p.displayName()))
                .sorted(Comparator.comparing(ProviderOption::id)).toList();
    }

    public List<Region> regions(String providerId) {
        return providers.find(providerId).map(p -> calls.read(p.id(), "regions", p::regions)).orElse(List.of())
                .stream().sorted(Comparator.comparing(Region::id)).toList();
    }

    /** Offerings in a region that fit a template, cheapest on-demand first. */
    public List<Offering> offerings(String providerId, String regionId, Template template) {
        return offerings(providerId).stream()
                .filter(o -> o.regionId().equals(regionId) && template.fits(o))
                .sorted(Comparator.comparingDouble((Offering o) -> o.prices().onDemand())).toList();
    }

    /** Every offering in a region (compute and storage classes), cheapest on-demand first. */
    public List<Offering> allOfferings(String providerId, String regionId) {
        return offerings(providerId).stream().filter(o -> o.regionId().equals(regionId))
                .sorted(Comparator.comparingDouble((Offering o) -> o.prices().onDemand())).toList();
    }

    public Optional<Region> region(String providerId, String regionId) {
        return regions(providerId).stream().filter(r -> r.id().equals(regionId)).findFirst();
    }

    public Optional<Offering> offering(String providerId, String regionId, String instanceType) {
        return offerings(providerId).stream()
                .filter(o -> o.regionId().equals(regionId) && o.instanceType().equals(instanceType)).findFirst();
    }

    public Optional<CloudProvider> provider(String providerId) {
        return providers.find(providerId);
    }

    /**
     * Compute offerings (those of the provider's applied price list when one is in effect) and, as offerings priced
     * per GB-hour, the provider's storage classes.
     */
    private List<Offering> offerings(String providerId) {
        return providers.find(providerId).map(p -> {
            List<Offering> all = new ArrayList<>(priceLists.offerings(p.id(),
                    calls.read(p.id(), "offerings", p::offerings)));
            calls.read(p.id(), "storageOfferings", p::storageOfferings).forEach(s -> all.add(s.asOffering()));
            return List.copyOf(all);
        }).orElse(List.of());
    }
}
