package dev.burnrate.portal.budget;

import java.util.Locale;

/** USD amounts as the views show them. */
public final class Money {

    private Money() {
    }

    public static String usd(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    public static String perHour(double amount) {
        return usd(amount) + "/h";
    }

    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
