package dev.burnrate.portal.provisioning;

/**
 * What a request is expected to cost, in USD.
 *
 * @param hourlyCost     all instances together, per hour
 * @param expectedTotal  for the planned duration (for open-ended requests: one month)
 * @param p90Total       the 90th percentile of the total
 * @param monthlyRunRate hourly cost over an average month (730 hours)
 * @param source         where the figures come from, shown next to them
 */
public record Estimate(double hourlyCost, double expectedTotal, double p90Total, double monthlyRunRate,
                       String source) {

    public static final double HOURS_PER_MONTH = 730.0;
}
