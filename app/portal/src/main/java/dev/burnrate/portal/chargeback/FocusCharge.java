package dev.burnrate.portal.chargeback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One FOCUS 1.0 charge as the billing demo and the reconciliation tests write it: a usage row, a commitment
 * purchase (BilledCost up front, EffectiveCost 0), a covered usage row (BilledCost 0, EffectiveCost amortised),
 * a credit or a refund (negative costs).
 *
 * @param chargeCategory Usage, Purchase, Credit, Adjustment or Tax
 * @param pricingCategory Standard, Committed or Dynamic
 */
public record FocusCharge(String billingAccountId, String billingAccountName, String currency, String chargeCategory,
                          String chargeFrequency, String description, Instant start, Instant end, BigDecimal billed,
                          BigDecimal effective, BigDecimal list, BigDecimal quantity, String unit,
                          String pricingCategory, String provider, String region, String resourceId,
                          String serviceCategory, String serviceName, String sku, String subAccountId,
                          SortedMap<String, String> tags) {

    public FocusCharge {
        tags = new TreeMap<>(tags);
    }

    public static SortedMap<String, String> tags(Map<String, String> tags) {
        return new TreeMap<>(tags);
    }
}
