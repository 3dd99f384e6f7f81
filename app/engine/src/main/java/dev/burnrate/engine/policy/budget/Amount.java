package dev.burnrate.engine.policy.budget;

import dev.burnrate.api.Prices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * An amount of money in one currency. Figures in different currencies are never added: a sum across currencies
 * needs an exchange rate, and the code that has one says so (the portal's exchange-rate table).
 *
 * @param value    the amount, in units of the currency (e.g. dollars, not cents)
 * @param currency an ISO 4217 code
 */
public record Amount(double value, String currency) {

    /** Symbols shown before the amount for a few common currencies; every amount but USD also shows its code. */
    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥",
            "INR", "₹");

    public Amount {
        currency = Prices.requireIsoCurrency(currency);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("amount must be a finite number: " + value);
        }
    }

    public static Amount usd(double value) {
        return new Amount(value, "USD");
    }

    /** As the user reads it: {@code $1,234.50} for USD, {@code ¥1,234,567 JPY} or {@code 12.00 CHF} otherwise. */
    public String format() {
        return format(value, currency);
    }

    /** {@link #format()} of an amount in a currency. */
    public static String format(double value, String currency) {
        return format(value, currency, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
    }

    /** {@link #format(double, String)} with a given number of decimals (e.g. four for a small hourly price). */
    public static String format(double value, String currency, int digits) {
        // Rounded once, half-even (as exported and signed figures are), from the decimal the double stands for:
        // %f alone would round half-up from the double's binary expansion.
        BigDecimal rounded = BigDecimal.valueOf(Math.abs(value)).setScale(digits, RoundingMode.HALF_EVEN);
        String number = String.format(Locale.ROOT, "%,." + digits + "f", rounded);
        String sign = value < 0 && rounded.signum() != 0 ? "-" : "";
        String symbol = SYMBOLS.getOrDefault(currency, "");
        if (currency.equals("USD")) {
            return sign + symbol + number;
        }
        return sign + symbol + number + " " + currency;
    }

    @Override
    public String toString() {
        return format();
    }
}
