package dev.burnrate.plugins.testkit;

import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a {@link dev.burnrate.api.UsageSource}'s batches must follow for the portal to import them: the same
 * checks the portal's strict import makes on the columns a {@link UsageRecord} carries (required columns, FOCUS
 * allowed values, ISO currency codes, finite numbers), so a batch that passes here is not rejected there for its
 * shape. Negative costs are allowed: credits and refunds are negative.
 *
 * @since API 1.3.0
 */
public final class UsageSourceConformance {
    /** FOCUS ChargeCategory values (the portal's import refuses others). */
    public static final List<String> CHARGE_CATEGORIES = List.of("Usage", "Purchase", "Tax", "Credit",
            "Adjustment");
    /** FOCUS PricingCategory values, when the column is not null. */
    public static final List<String> PRICING_CATEGORIES = List.of("Standard", "Dynamic", "Committed", "Other");
    /** FOCUS ServiceCategory values. */
    public static final List<String> SERVICE_CATEGORIES = List.of("AI and Machine Learning", "Analytics",
            "Business Applications", "Compute", "Databases", "Developer Tools", "Multicloud", "Identity",
            "Integration", "Internet of Things", "Management and Governance", "Media", "Migration", "Mobile",
            "Networking", "Security", "Storage", "Web", "Other");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private UsageSourceConformance() {
    }

    /** Every broken rule of one batch; empty when it conforms. */
    public static List<Violation> check(UsageBatch batch) {
        List<Violation> violations = new ArrayList<>();
        if (batch == null) {
            violations.add(new Violation("batch", "batch-present", "fetchUsage() returned null; return UsageBatch.empty()"));
            return violations;
        }
        for (int i = 0; i < batch.records().size(); i++) {
            check("row " + (i + 1), batch.records().get(i), violations);
        }
        return violations;
    }

    /** The rules for a source's identity: a lower-case id and a display name. */
    public static List<Violation> checkIdentity(String id, String displayName) {
        List<Violation> violations = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            violations.add(new Violation("source", "id-format",
                    "id must be lower-case letters, digits and single dashes, was '" + id + "'"));
        }
        if (displayName == null || displayName.isBlank()) {
            violations.add(new Violation("source", "display-name", "displayName() must not be blank"));
        }
        return violations;
    }

    private static void check(String row, UsageRecord r, List<Violation> out) {
        if (r == null) {
            out.add(new Violation(row, "row-present", "the batch holds a null row"));
            return;
        }
        if (r.billingCurrency() == null || !CURRENCY.matcher(r.billingCurrency()).matches()) {
            out.add(new Violation(row, "currency", "BillingCurrency must be an ISO 4217 code such as USD, was '"
                    + r.billingCurrency() + "'"));
        }
        double[] costs = {r.billedCost(), r.effectiveCost(), r.listCost(), r.contractedCost(), r.consumedQuantity(),
                r.pricingQuantity()};
        for (double cost : costs) {
            if (!Double.isFinite(cost)) {
                out.add(new Violation(row, "finite-numbers", "costs and quantities must be finite numbers"));
                break;
            }
        }
        require(row, "BillingAccountId", r.billingAccountId(), out);
        require(row, "ProviderName", r.providerName(), out);
        require(row, "ServiceName", r.serviceName(), out);
        allowed(row, "ChargeCategory", r.chargeCategory(), CHARGE_CATEGORIES, false, out);
        allowed(row, "ServiceCategory", r.serviceCategory(), SERVICE_CATEGORIES, false, out);
        allowed(row, "PricingCategory", r.pricingCategory(), PRICING_CATEGORIES, true, out);
    }

    private static void allowed(String row, String column, String value, List<String> values, boolean nullable,
                                List<Violation> out) {
        if (value == null && nullable) {
            return;
        }
        if (value == null || !values.contains(value)) {
            out.add(new Violation(row, "allowed-values", column + " must be one of " + values + ", was '" + value
                    + "'"));
        }
    }

    private static void require(String row, String column, String value, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(new Violation(row, "required-column", column + " must not be blank"));
        }
    }
}
