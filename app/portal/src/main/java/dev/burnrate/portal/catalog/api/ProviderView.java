package dev.burnrate.portal.catalog.api;

import dev.burnrate.portal.plugin.ProviderSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** A cloud provider of the catalog and how much it offers. */
@Schema(description = "A cloud provider", requiredProperties = {"id", "name", "regions", "offerings"})
public record ProviderView(String id, String name, int regions, int offerings) {

    static ProviderView of(ProviderSummary p) {
        return new ProviderView(p.providerId(), p.displayName(), p.regions(), p.offerings());
    }
}
