package dev.burnrate.portal.plugin;

import java.util.Comparator;
import java.util.function.Function;

/** The orders the catalog supports; missing values (no spot offer, no spec) always sort last. */
public enum CatalogSort {
    PROVIDER(o -> o.providerName()),
    REGION(o -> o.offering().regionId()),
    INSTANCE_TYPE(o -> o.offering().instanceType()),
    ON_DEMAND(o -> o.offering().prices().onDemand()),
    SPOT(o -> o.offering().prices().spot()),
    COMMITTED_1Y(o -> o.offering().prices().committed1y()),
    COMMITTED_3Y(o -> o.offering().prices().committed3y()),
    PER_ACCELERATOR_HOUR(CatalogOffering::pricePerAcceleratorHour),
    PER_BF16_PFLOP_HOUR(CatalogOffering::pricePerBf16PflopHour);

    private final Function<CatalogOffering, ? extends Comparable<?>> key;

    CatalogSort(Function<CatalogOffering, ? extends Comparable<?>> key) {
        this.key = key;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<CatalogOffering> comparator(boolean ascending) {
        Comparator<Comparable> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<CatalogOffering> primary = Comparator.comparing(o -> (Comparable) key.apply(o),
                Comparator.nullsLast(natural));
        // Ties in a stable, meaningful order, so paging never repeats or skips a row.
        return primary.thenComparing(CatalogOffering::key);
    }
}
