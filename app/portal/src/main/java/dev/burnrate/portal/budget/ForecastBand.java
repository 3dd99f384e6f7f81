package dev.burnrate.portal.budget;

import java.util.List;

/**
 * What the spend forecast adds to a budget account from the end of its imported data to the period's end, in the
 * account's currency: P10, P50 and P90, and the models behind them ("why this forecast"). The band sums daily
 * quantiles, so it is wider than the true P10-P90 of the total: a conservative range, as if every day erred the same
 * way.
 */
public record ForecastBand(double p10, double p50, double p90, List<String> models) {

    public ForecastBand {
        models = List.copyOf(models);
    }
}
