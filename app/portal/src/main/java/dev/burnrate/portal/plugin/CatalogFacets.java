package dev.burnrate.portal.plugin;

import java.util.List;

/** The values the catalog's filters offer. */
public record CatalogFacets(List<ProviderSummary> providers, List<String> regions, List<String> accelerators,
                            List<String> jurisdictions) {
}
