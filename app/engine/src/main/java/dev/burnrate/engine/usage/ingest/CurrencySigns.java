package dev.burnrate.engine.usage.ingest;

import java.util.Map;
import java.util.Set;

/**
 * The currency signs an import strips from formatted amounts ({@code "¥1,200"}), and the ISO 4217 currencies each
 * may stand for. A sign is a claim about the amount's currency: one that contradicts the row's BillingCurrency
 * (yen in a USD row) means the figure is not what the row says it is, so the row is refused, never read at face
 * value. "$" is written for every dollar and most pesos; the others are nearly unambiguous.
 */
final class CurrencySigns {

    private static final Map<Character, Set<String>> CURRENCIES = Map.of(
            '$', Set.of("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "ARS", "CLP", "COP", "CUP", "DOP",
                    "UYU", "BSD", "BBD", "BZD", "BMD", "BND", "FJD", "GYD", "JMD", "KYD", "LRD", "NAD", "SBD", "SRD",
                    "TTD", "XCD"),
            '€', Set.of("EUR"),
            '£', Set.of("GBP", "GIP", "FKP", "SHP", "EGP"),
            '¥', Set.of("JPY", "CNY"));

    private CurrencySigns() {
    }

    static boolean isSign(char c) {
        return CURRENCIES.containsKey(c);
    }

    /** Whether an amount written with {@code sign} can be in {@code currency} (an ISO 4217 code). */
    static boolean fits(char sign, String currency) {
        return CURRENCIES.getOrDefault(sign, Set.of()).contains(currency);
    }

    /** What a sign stands for, for messages: "¥ (JPY or CNY)". */
    static String describe(char sign) {
        return sign + " (" + switch (sign) {
            case '$' -> "a dollar or peso currency";
            case '€' -> "EUR";
            case '£' -> "GBP";
            case '¥' -> "JPY or CNY";
            default -> "unknown";
        } + ")";
    }
}
