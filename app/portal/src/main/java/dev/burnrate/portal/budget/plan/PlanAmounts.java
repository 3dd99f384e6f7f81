package dev.burnrate.portal.budget.plan;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a planned amount exactly as typed: digits with an optional comma every three digits and at most two
 * decimals, e.g. {@code 50000}, {@code 50,000.00} or {@code 9500.5}. Never through a double, so what finance
 * types is what is stored.
 */
public final class PlanAmounts {

    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private PlanAmounts() {
    }

    /**
     * The amount, empty for a blank field (no plan for the period).
     *
     * @throws IllegalArgumentException with a message for the field: not a number, negative, more than two
     *                                  decimals, or too large for the database
     */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("must not be negative (was " + t + ")");
        }
        if (!PLAIN.matcher(t).matches() && !GROUPED.matcher(t).matches()) {
            throw new IllegalArgumentException("\"" + t + "\" is not an amount; type digits with at most two "
                    + "decimals, e.g. 9500 or 9,500.50");
        }
        BigDecimal amount = new BigDecimal(t.replace(",", ""));
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(t + " has more than two decimals (cents)");
        }
        if (amount.precision() - amount.scale() > 17) {
            throw new IllegalArgumentException(t + " is too large");
        }
        return Optional.of(amount.setScale(2));
    }
}
