package dev.burnrate.portal.usage;

/**
 * A version's costs in one billing currency: amounts in different currencies are kept apart, never added.
 *
 * @param currency an ISO 4217 code, or {@link UsageQueryService#NO_CURRENCY} for rows without one
 */
public record CurrencyTotals(String currency, double billedCost, double effectiveCost, double listCost) {
}
