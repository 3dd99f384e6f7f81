package dev.burnrate.portal.usage;

import java.time.LocalDate;

/**
 * Effective cost of one tag value in one billing currency on one UTC day (the day of the rows' ChargePeriodStart).
 *
 * @param tagValue the tag's value, or {@code null} for rows without the tag
 * @param currency the rows' BillingCurrency, or {@code null} where a row had none
 */
public record TaggedSpend(String tagValue, String currency, LocalDate day, double amount) {
}
