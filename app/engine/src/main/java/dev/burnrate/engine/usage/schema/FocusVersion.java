package dev.burnrate.engine.usage.schema;

import java.util.Collection;
import java.util.Set;

/**
 * The FOCUS releases Burnrate knows, told apart by the columns each one introduced. A CSV, Arrow or Parquet export
 * does not carry its FOCUS version, so an import reports the version the file <em>resembles</em>: the newest one
 * whose new columns appear in its header. Conformance is judged against that version: the nullability, types and
 * allowed values of the columns shared by 1.0, 1.1 and 1.2 are the same in all three (e.g. ContractedCost "MUST
 * be present ... and MUST NOT be null" since 1.0), so {@link FocusColumns} serves for each; what differs is which
 * columns exist ({@link #defines}).
 */
public enum FocusVersion {
    V1_0("1.0", Set.of()),
    V1_1("1.1", Set.of("CapacityReservationId", "CapacityReservationStatus", "CommitmentDiscountQuantity",
            "CommitmentDiscountUnit", "ServiceSubcategory", "SkuMeter", "SkuPriceDetails")),
    V1_2("1.2", Set.of("BillingAccountType", "SubAccountType", "InvoiceId", "PricingCurrency",
            "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost", "PricingCurrencyListUnitPrice"));

    private final String label;
    private final Set<String> introduced;

    FocusVersion(String label, Set<String> introduced) {
        this.label = label;
        this.introduced = introduced;
    }

    public String label() {
        return label;
    }

    /** The columns this version introduced. */
    public Set<String> introduced() {
        return introduced;
    }

    public boolean defines(String columnId) {
        for (FocusVersion v : values()) {
            if (v.introduced.contains(columnId)) {
                return v.ordinal() <= ordinal();
            }
        }
        return FocusColumns.byId(columnId).isPresent();
    }

    /** The newest version any of whose introduced columns is among {@code columnIds}; 1.0 when none is. */
    public static FocusVersion resembledBy(Collection<String> columnIds) {
        FocusVersion found = V1_0;
        for (FocusVersion v : values()) {
            if (v.introduced.stream().anyMatch(columnIds::contains)) {
                found = v;
            }
        }
        return found;
    }
}
