package dev.burnrate.portal.review;

import java.math.BigDecimal;

/** A budget line's status; the rule is written on the review page ({@link #RULE}). */
public enum LineStatus {
    ON_TRACK("On track"),
    AT_RISK("At risk"),
    OVER("Over");

    public static final String RULE = "Status: Over when the actual spend to date is above the plan; At risk when "
            + "the P50 forecast at period end is above 95% of the plan or the P90 forecast is above the plan; "
            + "On track otherwise. Lines without a plan have no status.";
    public static final String SIGN_CONVENTION = "Variance = plan − forecast at period end (P50): positive = under "
            + "plan (favourable), negative = over plan. Variance % = variance ÷ plan.";

    private static final BigDecimal AT_RISK_SHARE = new BigDecimal("0.95");

    private final String label;

    LineStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status of a line with a plan, or null without one. */
    public static LineStatus of(BigDecimal plan, BigDecimal actual, BigDecimal p50, BigDecimal p90) {
        if (plan == null) {
            return null;
        }
        if (actual.compareTo(plan) > 0) {
            return OVER;
        }
        if (p50.compareTo(plan.multiply(AT_RISK_SHARE)) > 0 || p90.compareTo(plan) > 0) {
            return AT_RISK;
        }
        return ON_TRACK;
    }
}
