package dev.burnrate.portal.budget;

import java.util.Locale;

/** USD amounts as the views show them. */
public final class Money {

    private Money() {
    }

    public static String usd(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
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

    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
