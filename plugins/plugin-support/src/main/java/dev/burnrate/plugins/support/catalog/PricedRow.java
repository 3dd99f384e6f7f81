package dev.burnrate.plugins.support.catalog;

/**
 * A zone's (or region's) price for one instance type, ready to be collapsed into a per-region offering.
 *
 * @param acceleratorName the canonical name hardware catalogs use, or {@code null}
 * @param spot            {@code null} when there is no spot offer
 */
public record PricedRow(int line, String instanceType, String region, String zone, String acceleratorName,
                        int acceleratorCount, double vcpus, double memoryGib, double onDemand, Double spot) {

    public static final String NO_PRICE = "no-on-demand-price";

    /** The row as is, or {@code null} (noted) when it has no on-demand price: the offering cannot be bought. */
    public static PricedRow of(CatalogRow row, String acceleratorName, CatalogReport report) {
        if (row.price() == null) {
            report.note(row.line(), NO_PRICE, "no on-demand price for " + describe(row) + ", skipped");
            return null;
        }
        return new PricedRow(row.line(), row.instanceType(), row.region(), row.zone(), acceleratorName,
                row.acceleratorCount(), row.vcpus(), row.memoryGib(), row.price(), row.spotPrice());
    }

    static String describe(CatalogRow row) {
        String what = row.instanceType() != null ? row.instanceType()
                : row.acceleratorName() + " x" + row.acceleratorCount();
        return what + " in " + (row.zone() != null ? row.zone() : row.region());
    }
}
