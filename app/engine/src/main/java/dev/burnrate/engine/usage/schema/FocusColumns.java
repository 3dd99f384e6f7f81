package dev.burnrate.engine.usage.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 57 columns of the FOCUS 1.2 Cost and Usage dataset (FinOps Foundation, CC BY 4.0), with the constraints
 * Burnrate checks.
 *
 * <p><b>Metrics are float64, not decimal.</b> FOCUS types them Decimal. We hold them as IEEE doubles because
 * (1) the kernels, the Vector API and OpenCL all work on flat double arrays, which an Arrow Float8 buffer is
 * with zero copies, while Arrow's 128-bit decimals would need a conversion per value and twice the memory;
 * (2) billing exports carry at most 15 to 17 significant digits (the sample: 11 decimals), which a double
 * round-trips exactly, so every imported value is the closest double to its text; (3) totals are summed with
 * Neumaier compensation ({@code store.Totals}), so the error of a sum of 10 million values stays many orders of
 * magnitude below a cent. The reconciliation test checks the totals against exact decimal sums to the cent.
 */
public final class FocusColumns {

    /** Columns without which a file cannot become a dataset in any mode: time axis and the two costs. */
    public static final Set<String> CORE = Set.of("ChargePeriodStart", "ChargePeriodEnd", "BilledCost", "EffectiveCost");

    public static final List<String> CHARGE_CATEGORY = List.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");
    public static final List<String> CHARGE_CLASS = List.of("Correction");
    public static final List<String> CHARGE_FREQUENCY = List.of("One-Time", "Recurring", "Usage-Based");
    public static final List<String> PRICING_CATEGORY = List.of("Standard", "Dynamic", "Committed", "Other");
    public static final List<String> USED_UNUSED = List.of("Used", "Unused");
    public static final List<String> COMMITMENT_CATEGORY = List.of("Spend", "Usage");
    public static final List<String> SERVICE_CATEGORY = List.of("AI and Machine Learning", "Analytics",
            "Business Applications", "Compute", "Databases", "Developer Tools", "Multicloud", "Identity",
            "Integration", "Internet of Things", "Management and Governance", "Media", "Migration", "Mobile",
            "Networking", "Security", "Storage", "Web", "Other");

    private static final Map<String, FocusColumn> BY_ID = new LinkedHashMap<>();
    private static final Map<String, FocusColumn> BY_LOWER_ID = new LinkedHashMap<>();

    static {
        col("AvailabilityZone", ColumnType.STRING, FeatureLevel.RECOMMENDED, true);
        col("BilledCost", ColumnType.DECIMAL, FeatureLevel.MANDATORY, false);
        col("BillingAccountId", ColumnType.STRING, FeatureLevel.MANDATORY, false);
        col("BillingAccountName", ColumnType.STRING, FeatureLevel.MANDATORY, true);
        col("BillingAccountType", ColumnType.STRING, FeatureLevel.CONDITIONAL, false);
        col("BillingCurrency", ColumnType.STRING, FeatureLevel.MANDATORY, false);
        col("BillingPeriodEnd", ColumnType.DATETIME, FeatureLevel.MANDATORY, false);
        col("BillingPeriodStart", ColumnType.DATETIME, FeatureLevel.MANDATORY, false);
        col("CapacityReservationId", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("CapacityReservationStatus", ColumnType.STRING, FeatureLevel.CONDITIONAL, true, USED_UNUSED);
        col("ChargeCategory", ColumnType.STRING, FeatureLevel.MANDATORY, false, CHARGE_CATEGORY);
        col("ChargeClass", ColumnType.STRING, FeatureLevel.MANDATORY, true, CHARGE_CLASS);
        col("ChargeDescription", ColumnType.STRING, FeatureLevel.MANDATORY, true);
        col("ChargeFrequency", ColumnType.STRING, FeatureLevel.RECOMMENDED, false, CHARGE_FREQUENCY);
        col("ChargePeriodEnd", ColumnType.DATETIME, FeatureLevel.MANDATORY, false);
        col("ChargePeriodStart", ColumnType.DATETIME, FeatureLevel.MANDATORY, false);
        col("CommitmentDiscountCategory", ColumnType.STRING, FeatureLevel.CONDITIONAL, true, COMMITMENT_CATEGORY);
        col("CommitmentDiscountId", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("CommitmentDiscountName", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("CommitmentDiscountQuantity", ColumnType.DECIMAL, FeatureLevel.CONDITIONAL, true);
        col("CommitmentDiscountStatus", ColumnType.STRING, FeatureLevel.CONDITIONAL, true, USED_UNUSED);
        col("CommitmentDiscountType", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("CommitmentDiscountUnit", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("ConsumedQuantity", ColumnType.DECIMAL, FeatureLevel.CONDITIONAL, true);
        col("ConsumedUnit", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("ContractedCost", ColumnType.DECIMAL, FeatureLevel.MANDATORY, false);
        nonNegative("ContractedUnitPrice");
        col("EffectiveCost", ColumnType.DECIMAL, FeatureLevel.MANDATORY, false);
        col("InvoiceId", ColumnType.STRING, FeatureLevel.RECOMMENDED, true);
        col("InvoiceIssuerName", ColumnType.STRING, FeatureLevel.MANDATORY, false);
        col("ListCost", ColumnType.DECIMAL, FeatureLevel.MANDATORY, false);
        nonNegative("ListUnitPrice");
        col("PricingCategory", ColumnType.STRING, FeatureLevel.CONDITIONAL, true, PRICING_CATEGORY);
        col("PricingCurrency", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        nonNegative("PricingCurrencyContractedUnitPrice");
        col("PricingCurrencyEffectiveCost", ColumnType.DECIMAL, FeatureLevel.CONDITIONAL, true);
        nonNegative("PricingCurrencyListUnitPrice");
        col("PricingQuantity", ColumnType.DECIMAL, FeatureLevel.MANDATORY, true);
        col("PricingUnit", ColumnType.STRING, FeatureLevel.MANDATORY, true);
        col("ProviderName", ColumnType.STRING, FeatureLevel.MANDATORY, false);
        col("PublisherName", ColumnType.STRING, FeatureLevel.MANDATORY, false);
        col("RegionId", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("RegionName", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("ResourceId", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("ResourceName", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("ResourceType", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("ServiceCategory", ColumnType.STRING, FeatureLevel.MANDATORY, false, SERVICE_CATEGORY);
        col("ServiceName", ColumnType.STRING, FeatureLevel.MANDATORY, false);
        col("ServiceSubcategory", ColumnType.STRING, FeatureLevel.RECOMMENDED, false);
        col("SkuId", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("SkuMeter", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("SkuPriceDetails", ColumnType.JSON, FeatureLevel.CONDITIONAL, true);
        col("SkuPriceId", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("SubAccountId", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("SubAccountName", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("SubAccountType", ColumnType.STRING, FeatureLevel.CONDITIONAL, true);
        col("Tags", ColumnType.JSON, FeatureLevel.CONDITIONAL, true);
    }

    private FocusColumns() {
    }

    private static void col(String id, ColumnType type, FeatureLevel level, boolean nullable) {
        col(id, type, level, nullable, List.of());
    }

    private static void col(String id, ColumnType type, FeatureLevel level, boolean nullable, List<String> allowed) {
        add(new FocusColumn(id, type, level, nullable, allowed, false));
    }

    /** Unit prices: FOCUS 1.2 says "MUST be a non-negative decimal value" when not null. */
    private static void nonNegative(String id) {
        add(new FocusColumn(id, ColumnType.DECIMAL, FeatureLevel.CONDITIONAL, true, List.of(), true));
    }

    private static void add(FocusColumn column) {
        BY_ID.put(column.id(), column);
        BY_LOWER_ID.put(column.id().toLowerCase(Locale.ROOT), column);
    }

    /** All 57 columns in specification order. */
    public static List<FocusColumn> all() {
        return List.copyOf(BY_ID.values());
    }

    /** The column with exactly this id. */
    public static Optional<FocusColumn> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The column whose id matches ignoring case (exports spell e.g. {@code SkuPriceid}). */
    public static Optional<FocusColumn> byIdIgnoreCase(String name) {
        return Optional.ofNullable(BY_LOWER_ID.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    public static List<FocusColumn> mandatory() {
        return BY_ID.values().stream().filter(c -> c.level() == FeatureLevel.MANDATORY).toList();
    }

    /** Position of a FOCUS column in specification order, used to lay out stored versions canonically. */
    public static int ordinal(String id) {
        int i = 0;
        for (String key : BY_ID.keySet()) {
            if (key.equals(id)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }
}
