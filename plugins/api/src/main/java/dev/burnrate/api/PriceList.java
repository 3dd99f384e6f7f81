package dev.burnrate.api;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's complete, fresh list of offerings with their prices, and the moment it takes effect (since API
 * 1.3.0). Returned by {@link CloudProvider#refreshPrices()}; the portal replaces all of the provider's offerings by
 * these at once from {@code effectiveFrom} on (never a mix of old and new), records who applied it, and shows the
 * date in the catalog. Estimates made before keep the prices they were made with.
 *
 * @param effectiveFrom when these prices apply; may be in the future (the portal keeps the old ones until then)
 * @param offerings     every offering the provider sells from then on, each of this provider and in one of its
 *                      {@link CloudProvider#regions()}; no two with the same {@link Offering#key()}
 * @param source        where the prices come from, e.g. {@code "Sample Cloud price API, list 2026-12"}
 */
public record PriceList(Instant effectiveFrom, List<Offering> offerings, String source) {

    public PriceList {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(source, "source");
        offerings = List.copyOf(Objects.requireNonNull(offerings, "offerings"));
        if (offerings.isEmpty()) {
            throw new IllegalArgumentException("a price list needs at least one offering");
        }
        Set<String> keys = new HashSet<>();
        for (Offering offering : offerings) {
            if (!keys.add(offering.key())) {
                throw new IllegalArgumentException("offering " + offering.key() + " appears twice in the price list");
            }
        }
    }
}
