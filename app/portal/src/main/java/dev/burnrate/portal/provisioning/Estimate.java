package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Prices;

/**
 * What a request is expected to cost, in the currency of the offering's prices.
 *
 * @param hourlyCost     all instances together, per hour
 * @param expectedTotal  for the planned duration (for open-ended requests: one month)
 * @param p90Total       the 90th percentile of the total
 * @param monthlyRunRate hourly cost over an average month (730 hours)
 * @param source         where the figures come from, shown next to them
 * @param currency       the ISO 4217 code of every figure (a budget in another currency converts it only at an
 *                       explicit exchange rate)
 * @param p50Total       the median of the total (the expected total where the cost is not random)
 */
public record Estimate(double hourlyCost, double expectedTotal, double p90Total, double monthlyRunRate,
                       String source, String currency, double p50Total) {

    public static final double HOURS_PER_MONTH = 730.0;

    public Estimate {
        currency = Prices.requireIsoCurrency(currency);
    }

    /** An estimate whose median is its expected total: list-price arithmetic, without a simulated distribution. */
    public Estimate(double hourlyCost, double expectedTotal, double p90Total, double monthlyRunRate, String source,
                    String currency) {
        this(hourlyCost, expectedTotal, p90Total, monthlyRunRate, source, currency, expectedTotal);
    }

    /** An estimate in USD (stored requests keep no currency: every provider priced in USD before plugin API 1.2). */
    public Estimate(double hourlyCost, double expectedTotal, double p90Total, double monthlyRunRate, String source) {
        this(hourlyCost, expectedTotal, p90Total, monthlyRunRate, source, Prices.DEFAULT_CURRENCY);
    }
}
