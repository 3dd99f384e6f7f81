package dev.burnrate.portal.budget;

import java.time.LocalDate;

/**
 * Spend in one currency on one UTC day: the unit a budget converts, at the rate of that day.
 *
 * @param currency an ISO 4217 code, or {@code null} for rows that had none (never counted)
 */
record DaySpend(String currency, LocalDate day, double amount) {
}
