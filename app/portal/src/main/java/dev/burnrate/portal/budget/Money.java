package dev.burnrate.portal.budget;

import dev.burnrate.engine.policy.budget.Amount;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Money amounts as the views show them. Every amount has a currency: {@link #of} formats any, {@link #usd} and
 * {@link #rate} are for figures known to be USD.
 */
public final class Money {

    private Money() {
    }

    /** e.g. {@code $1,234.50}, {@code €1,000.00 EUR}, {@code ¥1,234,567 JPY}. */
    public static String of(double amount, String currency) {
        return Amount.format(amount, currency);
    }

    /**
     * Amounts in several currencies, side by side and never added: {@code $12.00 · €3.50 EUR}, largest first; none
     * is {@code zero} of {@code emptyCurrency}. An amount without a valid currency code (old rows "(no currency)")
     * shows its number and label.
     */
    public static String each(Map<String, Double> byCurrency, String emptyCurrency) {
        if (byCurrency.isEmpty()) {
            return of(0, emptyCurrency);
        }
        return byCurrency.entrySet().stream()
                .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
                .map(e -> isCurrency(e.getKey()) ? of(e.getValue(), e.getKey())
                        : String.format(Locale.ROOT, "%,.2f %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(" · "));
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && java.util.Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** e.g. {@code $1,234.50}; rounded once, half-even, like every figure people read. */
    public static String usd(double amount) {
        return Amount.format(amount, "USD");
    }

    /**
     * A price or rate: like {@link #usd}, except that a non-zero amount that would round to $0.00 keeps four
     * decimals, so a small bucket's $0.0032 an hour does not read as free.
     */
    public static String rate(double amount) {
        if (amount != 0 && Math.abs(amount) < 0.005) {
            return String.format(Locale.ROOT, "$%.4f", amount);
        }
        return usd(amount);
    }

    public static String perHour(double amount) {
        return rate(amount) + "/h";
    }

    /** Like {@link #rate}, in any currency: {@code €0.0032 EUR}, {@code €2.10 EUR}. */
    public static String rate(double amount, String currency) {
        if (currency.equals("USD")) {
            return rate(amount);
        }
        if (amount != 0 && Math.abs(amount) < 0.005) {
            return Amount.format(amount, currency, 4);
        }
        return Amount.format(amount, currency);
    }

    public static String perHour(double amount, String currency) {
        return rate(amount, currency) + "/h";
    }

    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
