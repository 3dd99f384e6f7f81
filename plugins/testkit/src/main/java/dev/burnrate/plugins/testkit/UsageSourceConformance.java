package dev.burnrate.plugins.testkit;

import dev.burnrate.api.UsageBatch;
import dev.burnrate.api.UsageRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a {@link dev.burnrate.api.UsageSource}'s batches must follow for the portal to import them: the same
 * checks the portal's strict import makes on the columns a {@link UsageRecord} carries, so a batch that passes here
 * is not rejected there for its shape.
 *
 * @since API 1.3.0
 */
public final class UsageSourceConformance {
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
        if (r.billedCost() < 0 && !"Credit".equals(r.chargeCategory()) && !"Adjustment".equals(r.chargeCategory())) {
            out.add(new Violation(row, "non-negative", "BilledCost is negative (" + r.billedCost()
                    + ") outside a Credit or Adjustment charge"));
        }
        require(row, "ChargeCategory", r.chargeCategory(), out);
        require(row, "ProviderName", r.providerName(), out);
        require(row, "BillingAccountId", r.billingAccountId(), out);
    }

    private static void require(String row, String column, String value, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(new Violation(row, "required-column", column + " must not be blank"));
        }
    }
}
