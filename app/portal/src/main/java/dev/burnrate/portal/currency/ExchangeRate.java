package dev.burnrate.portal.currency;

import dev.burnrate.api.Prices;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the exchange-rate table: {@code 1 from = rate to}, valid from {@code date} until the pair's next
 * entry.
 */
public record ExchangeRate(String from, String to, LocalDate date, double rate) {

    public ExchangeRate {
        from = Prices.requireIsoCurrency(from);
        to = Prices.requireIsoCurrency(to);
        Objects.requireNonNull(date, "date");
        if (from.equals(to)) {
            throw new IllegalArgumentException("an exchange rate needs two different currencies, not " + from
                    + " twice");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("an exchange rate must be a finite number greater than 0: " + rate);
        }
    }

    /** e.g. {@code EUR→USD}. */
    public String pair() {
        return from + "→" + to;
    }
}
