package dev.burnrate.portal.anomaly;

import java.math.BigDecimal;

/**
 * One child of the anomalous series that explains part of the deviation.
 *
 * @param dimension the FOCUS column or tag key it was split by (ServiceName, SubAccountName, RegionId, ResourceId,
 *                  tag:team, ...)
 * @param value     the child's value in that dimension
 * @param impact    the child's actual minus expected spend, in the anomaly's currency
 * @param share     the child's part of the parent's deviation (1.0 = all of it)
 */
public record RootCause(String dimension, String value, BigDecimal impact, double share) {

    /** The key feedback is kept under: the same cause is the same dimension and value. */
    public String key() {
        return dimension + "=" + value;
    }
}
