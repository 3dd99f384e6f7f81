package dev.burnrate.plugins.support.catalog;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A provider's regions and offerings, immutable once built. Only regions that have offerings are listed, so the
 * catalog view shows no empty regions.
 */
public final class ProviderCatalog {
    private final List<Region> regions;
    private final List<Offering> offerings;
    private final Map<String, Offering> offeringsByKey;
    private final Map<String, Region> regionsById;
    private final CatalogReport report;

    public ProviderCatalog(Map<String, Region> regionTable, List<Offering> offerings, CatalogReport report) {
        Set<String> used = new HashSet<>();
        offerings.forEach(o -> used.add(o.regionId()));
        this.regions = regionTable.values().stream().filter(r -> used.contains(r.id()))
                .sorted(Comparator.comparing(Region::id)).toList();
        this.offerings = List.copyOf(offerings);
        this.offeringsByKey = offerings.stream().collect(Collectors.toUnmodifiableMap(Offering::key,
                Function.identity()));
        this.regionsById = Map.copyOf(regionTable);
        this.report = report;
    }

    public List<Region> regions() {
        return regions;
    }

    public List<Offering> offerings() {
        return offerings;
    }

    public Optional<Offering> offering(String key) {
        return Optional.ofNullable(offeringsByKey.get(key));
    }

    public Optional<Region> region(String id) {
        return Optional.ofNullable(regionsById.get(id));
    }

    public CatalogReport report() {
        return report;
    }
}
